namespace Tfwheel.Files;

/// <summary>
/// Files named by a person or a recipe (--recipe, an extends target, a patch, --wheel) are read only when they
/// are regular files of bounded size: a FIFO would block the read forever and /dev/zero would fill memory.
/// .NET exposes no file type on Unix, but stat reports size 0 for FIFOs, sockets and devices, so "1 byte up to
/// the cap" admits regular files only; reads stay capped in case the file is swapped after the check.
/// </summary>
public static class InputFile
{
    /// <summary>Null when <paramref name="path"/> may be read; otherwise why not (a sentence part: "is empty ...").</summary>
    public static string? Problem(string path, long maxBytes)
    {
        FileInfo info;
        try
        {
            // FileInfo describes a link itself (its length is the target's name), so look where links lead.
            info = new FileInfo(RealPath.Resolve(path));
            if (!info.Exists)
            {
                return "does not exist";
            }

            if (info.Length == 0)
            {
                return "is empty or not a regular file (a FIFO, socket or device)";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot be read: " + e.Message;
        }

        return info.Length > maxBytes ? $"is {info.Length} bytes, over the {maxBytes}-byte limit for such a file" : null;
    }

    /// <summary>The file's text, reading at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="IOException">The file is not readable as <see cref="Problem"/> requires, or grew past the cap.</exception>
    public static string ReadAllText(string path, long maxBytes)
    {
        if (Problem(path, maxBytes) is { } problem)
        {
            throw new IOException($"{path} {problem}");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[(int)Math.Min(new FileInfo(RealPath.Resolve(path)).Length, maxBytes) + 1];
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        return total > maxBytes
            ? throw new IOException($"{path} is over the {maxBytes}-byte limit for such a file")
            : new System.Text.UTF8Encoding(false).GetString(buffer, 0, total).TrimStart('\uFEFF');
    }
}
