namespace Tfwheel.Tests.Support;

/// <summary>Waits for an observable fact about running processes (Linux /proc) instead of sleeping for a guess.</summary>
internal static class RunningProcess
{
    /// <summary>Returns once some process's command line contains <paramref name="fragment"/>; throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitForCommandLineAsync(string fragment, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!Any(fragment))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no process with '{fragment}' in its command line appeared within {timeout}.");
            }
        }
    }

    private static bool Any(string fragment)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(fragment, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return false;
    }
}
