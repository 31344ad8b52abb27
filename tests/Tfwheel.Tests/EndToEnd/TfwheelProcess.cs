using Tfwheel.Processes;
using Tfwheel.Tests.Support;

namespace Tfwheel.Tests.EndToEnd;

/// <summary>Runs the real tfwheel program (the build project's output, next to the tests) as a user would.</summary>
internal static class TfwheelProcess
{
    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="RunAsync(string, string[])"/> with extra environment variables (a null value removes one).</summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var program = Program;
        // Not a terminal and not GitHub Actions: plain progress lines, no workflow commands. No token from the
        // machine running the tests (CI sets GITHUB_TOKEN): a test that wants one passes it.
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["NO_COLOR"] = "1", ["TERM"] = "dumb", ["GITHUB_TOKEN"] = null, ["GH_TOKEN"] = null };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        var spec = new ProcessSpec("dotnet", [program, .. args])
        {
            WorkingDirectory = workingDirectory,
            Timeout = TimeSpan.FromMinutes(10),
            Echo = false,
            StreamOutput = false,
            TailLines = 2000,
            Environment = env,
        };
        return await new ProcessGateway(new TestLog()).RunAsync(spec);
    }

    /// <summary>
    /// The build project's own output (bin/CONFIG/net10.0 of build/, same configuration as these tests): the
    /// copy next to the tests lacks assemblies the test project takes from the ASP.NET shared framework.
    /// </summary>
    public static string Program { get; } = Path.Combine(
        ProjectFiles.Root, "build", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "tfwheel.dll");

    /// <summary>Copies the built-in recipes into a scratch project's recipes/, so a test recipe there can extend them.</summary>
    public static void CopyBuiltInRecipes(string projectRoot)
    {
        var recipes = Directory.CreateDirectory(Path.Combine(projectRoot, "recipes")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(ProjectFiles.Root, "recipes"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(recipes, Path.GetFileName(file)));
        }
    }

    public static string Output(ProcessResult result) =>
        result.StandardOutput + "\n" + string.Join('\n', result.StandardErrorTail);
}
