namespace Tfwheel.Files;

/// <summary>Writes files so a reader sees the old content or the new, never half of it: a temp file in the same folder, then a rename.</summary>
public static class AtomicFile
{
    public static async Task WriteAllTextAsync(string path, string content, CancellationToken ct = default)
    {
        var temp = Temp(path);
        try
        {
            await File.WriteAllTextAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The synchronous form, for reports written at the end of a task.</summary>
    public static void WriteAllText(string path, string content) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    });

    /// <summary>Lets <paramref name="write"/> fill the temp file (a serializer writing to a stream), then renames it into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temp = Temp(path);
        try
        {
            using (var stream = File.Create(temp))
            {
                write(stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static async Task CopyAsync(string source, string destination, CancellationToken ct = default)
    {
        var temp = Temp(destination);
        try
        {
            await using (var from = File.OpenRead(source))
            await using (var to = File.Create(temp))
            {
                await from.CopyToAsync(to, ct);
            }

            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Temp(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }
}
