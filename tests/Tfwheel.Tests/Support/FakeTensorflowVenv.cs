using System.Diagnostics;

namespace Tfwheel.Tests.Support;

/// <summary>
/// A real venv (Debian's python3, no pip) with a stand-in installed `tensorflow` package whose import fails loudly:
/// Doctor's probes must find and read it without running it. Tests put native libraries into the package.
/// </summary>
internal static class FakeTensorflowVenv
{
    /// <summary>A venv under <paramref name="directory"/>; returns its python.</summary>
    public static string Create(string directory)
    {
        var venv = Path.Combine(directory, "venv");
        Run("/usr/bin/python3", "-m", "venv", "--without-pip", venv);
        return Path.Combine(venv, "bin", "python");
    }

    /// <summary>A venv with site-packages/tensorflow (and its python/ folder); returns the python and the package folder.</summary>
    public static (string Python, string Package) CreateWithTensorflow(string directory)
    {
        var python = Create(directory);
        var purelib = Run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").Trim();
        var package = Path.Combine(purelib, "tensorflow");
        Directory.CreateDirectory(Path.Combine(package, "python"));
        File.WriteAllText(Path.Combine(package, "__init__.py"), "raise SystemExit('tensorflow was imported')\n");
        return (python, package);
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
