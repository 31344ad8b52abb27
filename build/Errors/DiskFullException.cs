using System.Globalization;
using System.Text.RegularExpressions;

namespace Tfwheel.Errors;

/// <summary>
/// A write failed because the volume is full (ENOSPC) or the user's quota is used up (EDQUOT). Its own
/// exit code, so CI can tell "give the runner more disk" from a bug; the message names the file, the volume
/// and the free space left. .NET on Unix puts the errno in IOException.HResult and the path in the message
/// ("No space left on device : '/path'", dotnet/runtime Interop.IOErrors.cs).
/// </summary>
public sealed partial class DiskFullException : TfwheelException
{
    private const int Enospc = 28;

    public DiskFullException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public override int ExitCode => ExitCodes.DiskFull;

    public static bool IsDiskFull(Exception e) =>
        e is IOException io && (io.HResult == Enospc || io.HResult == (OperatingSystem.IsMacOS() ? 69 : 122) ||
            io.Message.Contains("No space left on device", StringComparison.Ordinal) || io.Message.Contains("Disk quota exceeded", StringComparison.Ordinal));

    /// <summary>The first disk-full error in the exception's chain, as a <see cref="DiskFullException"/>; otherwise null.</summary>
    public static DiskFullException? From(Exception exception, string? path = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DiskFullException full)
            {
                return full;
            }

            if (IsDiskFull(e))
            {
                return For(path ?? PathIn(e.Message), e);
            }
        }

        return null;
    }

    /// <summary>"Disk full: could not write PATH (WHAT): WHY. N bytes free of M on the volume holding DIR. Free space ...".</summary>
    public static DiskFullException For(string? path, Exception inner, string? what = null)
    {
        var where = path is null ? "a write failed" : $"could not write {path}";
        var free = path is null ? "" : FreeSpace(path);
        return new DiskFullException(
            $"Disk full: {where}{(what is null ? "" : " (" + what + ")")}: {inner.Message.Trim()}.{free} " +
            "Free space there (bazel's output base and disk cache are the big ones: 'bazel clean --expunge', Clean --source), " +
            "or point --source-dir, --artifacts-dir and bazel's --output_user_root at a larger volume; then run again.",
            inner);
    }

    private static string FreeSpace(string path)
    {
        try
        {
            var existing = Path.GetFullPath(path);
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            var drive = new DriveInfo(existing);
            return string.Create(CultureInfo.InvariantCulture,
                $" {drive.AvailableFreeSpace:N0} bytes free of {drive.TotalSize:N0} on the volume holding {existing}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "";
        }
    }

    /// <summary>The path in .NET's message; an atomic write's temp file (AtomicFile: ".NAME.GUID.tmp") is named by the file it was to become.</summary>
    private static string? PathIn(string message)
    {
        if (QuotedPath().Match(message) is not { Success: true } m)
        {
            return null;
        }

        var path = m.Groups[1].Value;
        return AtomicTemp().Match(Path.GetFileName(path)) is { Success: true } temp ? Path.Combine(Path.GetDirectoryName(path)!, temp.Groups[1].Value) : path;
    }

    [GeneratedRegex(@"'(/[^']*)'")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"^\.(.+)\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex AtomicTemp();
}
