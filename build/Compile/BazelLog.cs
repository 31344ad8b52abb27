using Tfwheel.Errors;

namespace Tfwheel.Compile;

/// <summary>
/// bazel.log, written line by line while bazel runs. A write that fails (a full disk, above all) must not
/// kill the output pump nor leave a log that looks complete: the first failure is kept, writing stops, the
/// build's output still reaches the console and the progress reporter, and <see cref="ThrowIfIncomplete"/>
/// then names the cause, the file and the free space.
/// </summary>
public sealed class BazelLog : IAsyncDisposable
{
    private readonly string _path;
    private StreamWriter? _writer;
    private long _linesLost;

    public BazelLog(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Try(() => _writer = new StreamWriter(path, append: false));
    }

    public IOException? Failure { get; private set; }

    public void WriteLine(string line)
    {
        if (_writer is null)
        {
            _linesLost++;
            return;
        }

        Try(() => _writer.WriteLine(line));
    }

    public async Task FlushAsync()
    {
        if (_writer is not null)
        {
            try
            {
                await _writer.FlushAsync(CancellationToken.None);
            }
            catch (IOException e)
            {
                Fail(e);
            }
        }
    }

    /// <exception cref="DiskFullException">A write failed on a full disk.</exception>
    /// <exception cref="StepFailedException">A write failed for another reason (exit code TaskFailed).</exception>
    public void ThrowIfIncomplete()
    {
        if (Failure is not { } e)
        {
            return;
        }

        var what = $"bazel.log is incomplete: writing stopped there, {_linesLost:N0} later lines of bazel's output are only on the console";
        throw DiskFullException.IsDiskFull(e)
            ? DiskFullException.For(_path, e, what)
            : new StepFailedException($"Compile: could not write {_path}: {e.Message} ({what}). Check the folder's permissions and disk.", ExitCodes.TaskFailed, e);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            try
            {
                await writer.DisposeAsync();
            }
            catch (IOException e)
            {
                Fail(e);
            }
        }
    }

    private void Try(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            Fail(e);
            _linesLost++;
        }
    }

    private void Fail(IOException e)
    {
        Failure ??= e;
        if (_writer is { } broken)
        {
            _writer = null;
            try
            {
                broken.Dispose(); // its buffer cannot be written either; the first failure is what counts
            }
            catch (IOException)
            {
            }
        }
    }
}
