using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.Frosting.Conformance;

/// <summary>
/// The build programs in Programs/, compiled once per test run into one folder with the host and engine
/// assemblies beside them, and run as real processes (<c>dotnet exec</c>), as a user runs a Frosting build.
/// </summary>
internal static class ConformancePrograms
{
    private static readonly Lazy<string> Folder = new(CompileAll);

    /// <summary>Runs a program; its "trace: ..." log lines, in order, are what the tests assert on.</summary>
    public static async Task<ProgramRun> RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["NO_COLOR"] = "1", ["TERM"] = "dumb", ["FORCE_COLOR"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        var spec = new ProcessSpec("dotnet", ["exec", Path.Combine(Folder.Value, program + ".dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            Environment = env,
            Timeout = TimeSpan.FromMinutes(2),
            Echo = false,
            StreamOutput = false,
            TailLines = 500,
        };
        var result = await new ProcessGateway(new TestLog()).RunAsync(spec);
        return new ProgramRun(result.ExitCode, result.StandardOutput, string.Join('\n', result.StandardErrorTail));
    }

    public static Task<ProgramRun> RunAsync(string program, string workingDirectory, params string[] args) =>
        RunAsync(program, workingDirectory, null, args);

    private static string CompileAll()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "frosting-conformance");
        Directory.CreateDirectory(folder);
        var runtimeDependencies = ProgramCompiler.HostAssemblies
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Spectre.Console*.dll"));
        foreach (var file in runtimeDependencies)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        foreach (var source in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Frosting", "Conformance", "Programs"), "*.cs"))
        {
            var name = Path.GetFileNameWithoutExtension(source);
            ProgramCompiler.Compile(source, name, Path.Combine(folder, name + ".dll"));
            File.WriteAllText(Path.Combine(folder, name + ".runtimeconfig.json"), $$"""
                { "runtimeOptions": { "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}", "framework": { "name": "Microsoft.NETCore.App", "version": "{{version}}" } } }
                """);
        }

        return folder;
    }
}

/// <summary>What a build program did: its exit code, its output, and its "trace: " lines in order.</summary>
internal sealed record ProgramRun(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> Trace =>
        [.. StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("trace: ", StringComparison.Ordinal)).Select(l => l["trace: ".Length..])];

    public string Output => StandardOutput + "\n" + StandardError;
}
