namespace Tfwheel.Wheels;

/// <summary>Reads a file on disk through <see cref="NativeBinaryScanner"/>, front to back, stopping as soon as it is not a binary.</summary>
public static class NativeFileReader
{
    private const int ChunkSize = 1 << 20;

    /// <param name="reportedPath">The path to show in findings ('/'-separated, relative to the package root).</param>
    public static async Task<NativeBinary?> ReadAsync(string file, string reportedPath, CancellationToken cancellation)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var scanner = new NativeBinaryScanner(reportedPath, stream.Length);
        var buffer = new byte[(int)Math.Min(ChunkSize, Math.Max(4, stream.Length))];
        int n;
        while (scanner.Interested && (n = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            scanner.Feed(buffer.AsSpan(0, n));
        }

        return scanner.Complete();
    }
}
