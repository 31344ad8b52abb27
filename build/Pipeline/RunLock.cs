using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel.Pipeline;

/// <summary>
/// One run per recipe at a time: a run that writes the source tree or artifacts/&lt;recipe&gt;/ holds an
/// exclusive lock on <c>&lt;tree&gt;.lock</c> and <c>artifacts/&lt;recipe&gt;.lock</c> (next to the folders, so Clean
/// can delete them while locked). The lock is the kernel's (.NET's FileShare.None is flock(LOCK_EX) on Linux
/// and macOS), so it ends with the process however the process ends, SIGKILL included. Who holds it (pid,
/// start time, target) is in a note beside it, <c>.lock.json</c>: .NET takes a shared flock to read any file,
/// so the locked file itself cannot be read by the run it keeps out. A second run fails at once and names
/// the holder, rather than waiting an unknown time behind an hours-long build; a lock whose process has
/// ended is taken over (its note, left behind, is reported).
/// </summary>
public sealed class RunLock : IDisposable
{
    private static readonly string[] ReadOnlyTargets = ["Doctor", "Plan"];

    private readonly List<FileStream> _held = [];

    private RunLock()
    {
    }

    /// <summary>Whether a chain of tasks writes the tree or the artifacts (Doctor and Plan alone do not; --wheel runs use that file).</summary>
    public static bool Needed(IEnumerable<string> tasks, bool buildsWheel) =>
        buildsWheel && tasks.Any(t => !ReadOnlyTargets.Contains(t, StringComparer.OrdinalIgnoreCase));

    public static string PathFor(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ".lock";

    /// <exception cref="HostException">Another live run holds one of the locks.</exception>
    public static RunLock Acquire(IReadOnlyList<string> folders, string target, ICakeLog log)
    {
        var runLock = new RunLock();
        try
        {
            foreach (var folder in folders.Select(PathFor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                runLock._held.Add(Take(folder, target, log));
            }

            return runLock;
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>Removes each note (a normal end leaves no holder to report) and releases the lock.</summary>
    public void Dispose()
    {
        foreach (var stream in _held)
        {
            try
            {
                File.Delete(NotePath(stream.Name));
            }
            catch (IOException)
            {
                // releasing the lock matters more than the note
            }

            stream.Dispose();
        }

        _held.Clear();
    }

    private static FileStream Take(string path, string target, ICakeLog log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (!DiskFullException.IsDiskFull(e))
        {
            throw new HostException(
                $"tfwheel: {path} is held by another tfwheel run ({Describe(ReadHolder(path))}), which is building the same recipe. " +
                "Wait for it to finish, or stop it; a lock whose process has ended is taken over by the next run. " +
                "To build the same recipe twice at once, give the second run its own --source-dir and --artifacts-dir.",
                e);
        }

        try
        {
            if (ReadHolder(path) is { } previous)
            {
                log.InfoText($"tfwheel: took over {path}, left by a run that ended without releasing it ({Describe(previous)})");
            }

            using var me = Process.GetCurrentProcess();
            var note = JsonSerializer.Serialize(new Holder(Environment.ProcessId, me.StartTime.ToUniversalTime(), target, Environment.MachineName));
            File.WriteAllText(NotePath(path), note + "\n");
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static string NotePath(string lockPath) => lockPath + ".json";

    private static Holder? ReadHolder(string lockPath)
    {
        try
        {
            return File.Exists(NotePath(lockPath)) ? Holder.Parse(File.ReadAllText(NotePath(lockPath))) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Describe(Holder? holder) => holder is null
        ? "its note is unreadable"
        : string.Create(CultureInfo.InvariantCulture, $"pid {holder.Pid} on {holder.Host}, target {holder.Target}, started {holder.Started:u}");

    private sealed record Holder(int Pid, DateTimeOffset Started, string Target, string Host)
    {
        public static Holder? Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > 4096)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<Holder>(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
