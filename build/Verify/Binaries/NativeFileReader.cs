namespace Tfwheel.Verify.Binaries;

/// <summary>Reads a file on disk through <see cref="NativeBinaryScanner"/>, front to back, stopping as soon as it is not a binary.</summary>
public static class NativeFileReader
{
    private const int ChunkSize = 1 << 20;

    /// <param name="reportedPath">The path to show in findings ('/'-separated, relative to the package root).</param>
    public static async Task<NativeBinary?> ReadAsync(string file, string reportedPath, CancellationToken cancellation)
    {
        // Unbuffered, and the magic number read on its own: most files of a package are not binaries and cost four bytes.
        await using var stream = Open(file);
        var scanner = new NativeBinaryScanner(reportedPath, stream.Length, () => Open(file));
        var magic = new byte[4];
        var n = await stream.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellation);
        scanner.Feed(magic.AsSpan(0, n));
        if (n == magic.Length && scanner.Interested)
        {
            var buffer = new byte[(int)Math.Clamp(stream.Length - n, 1, ChunkSize)];
            while (scanner.Interested && (n = await stream.ReadAsync(buffer, cancellation)) > 0)
            {
                scanner.Feed(buffer.AsSpan(0, n));
            }
        }

        return await scanner.CompleteAsync(cancellation);
    }

    private static FileStream Open(string file) => new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
