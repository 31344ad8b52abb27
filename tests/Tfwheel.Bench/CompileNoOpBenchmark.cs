using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Cake.Core.Diagnostics;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Bench;

/// <summary>
/// Orchestration overhead of a no-op re-run: the real program's `--target=Compile` (host start, input stamp
/// check, bazel build, wheel copy, hashing, manifest; the path users run) against a bare `bazel build` of the
/// same workspace with the same options, both after a warm-up build, alternating, in the same run.
/// Target: ratio &lt;= 1.5.
/// </summary>
public sealed class CompileNoOpBenchmark : IBenchmark
{
    private const double Target = 1.5;

    public string Name => "compile-noop";

    public string Description => "no-op re-run of Fetch..Compile vs a bare no-op `bazel build` of the TF-shaped workspace (target <= 1.5x)";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var temp = Directory.CreateTempSubdirectory("tfwheel-bench-").FullName;
        var log = new QuietLog();
        var gateway = new ProcessGateway(log);
        var recipe = await CreateWorkspaceAsync(temp, gateway);
        var paths = BuildPaths.For(Path.Combine(temp, "project"), recipe.Name);
        var plan = CompilePlanner.PlanCompile(recipe, paths);
        try
        {
            var program = new ProcessSpec("dotnet", [Program, "--target=Compile", "--recipe=bench"])
            {
                WorkingDirectory = paths.Root, Echo = false, StreamOutput = false, CaptureStandardOutput = false,
            };
            (await gateway.RunAsync(program)).EnsureSuccess(); // warm: fetch, configure, build
            var bareSpec = StepProcess.ToSpec(plan.Build) with { Echo = false, StreamOutput = false, CaptureStandardOutput = false };
            var baseline = new List<double>();
            var measured = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                (await gateway.RunAsync(bareSpec)).EnsureSuccess();
                baseline.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                var stampBefore = File.GetLastWriteTimeUtc(Path.Combine(paths.Source, ".bazelrc.user"));
                (await gateway.RunAsync(program)).EnsureSuccess();
                measured.Add(watch.Elapsed.TotalMilliseconds);
                if (File.GetLastWriteTimeUtc(Path.Combine(paths.Source, ".bazelrc.user")) != stampBefore)
                {
                    Console.WriteLine("error: the re-run did not skip configure; the input stamp is broken");
                    return 1;
                }
            }

            var b = Median(baseline);
            var m = Median(measured);
            var ratio = m / b;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bare bazel build no-op: median {b:F0} ms; tfwheel --target=Compile no-op: median {m:F0} ms ({rounds} rounds)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {ratio:F2}x (target <= {Target:F1}x): {(ratio <= Target ? "met" : "NOT met")}"));
            return 0;
        }
        finally
        {
            var shutdown = plan.Invocation.Shutdown.Argv;
            await gateway.RunAsync(new ProcessSpec(shutdown[0], shutdown.Skip(1).ToList()) { WorkingDirectory = paths.Source, Echo = false });
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// The build project's own output (build/bin/CONFIG/net10.0, same configuration as this bench), the program users
    /// run: the copy beside the bench lacks the Frosting host's dependencies (Microsoft.Extensions.DependencyInjection).
    /// </summary>
    internal static string Program { get; } = Path.Combine(
        Path.GetDirectoryName(FindFixture())!, "..", "..", "build", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "tfwheel.dll");

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The TF-shaped fixture as a tagged git repository, and a linux recipe for it (the same shape the tests use).</summary>
    internal static async Task<Recipe> CreateWorkspaceAsync(string temp, IProcessGateway gateway)
    {
        var fixture = FindFixture();
        var origin = Path.Combine(temp, "origin");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(origin, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string[] identity = ["-c", "user.name=bench", "-c", "user.email=bench@tfwheel.invalid"];
        foreach (var args in new[] { new[] { "init", "--quiet" }, [.. identity, "add", "--all"], [.. identity, "commit", "--quiet", "-m", "tree"], ["tag", "v2.20.0"] })
        {
            (await gateway.RunAsync(new ProcessSpec("git", args) { WorkingDirectory = origin, Echo = false })).EnsureSuccess();
        }

        var recipes = Directory.CreateDirectory(Path.Combine(temp, "project", "recipes")).FullName;
        var arch = HostPlatform.Current.Arch == "x86_64" ? "x86_64" : "aarch64";
        File.WriteAllText(Path.Combine(recipes, "bench.yaml"), $$"""
            tensorflow: { repository: "{{origin}}", ref: v2.20.0, version: 2.20.0 }
            python: "3.11"
            target: { os: linux, arch: {{arch}} }
            bazel:
              startup-options: ["--output_user_root={{Path.Combine(temp, "bazel-root")}}", "--max_idle_secs=120"]
              configs: [release_cpu_linux]
            configure: { env: { TF_NEED_CUDA: "0", TF_ENABLE_XLA: "1" } }
            """);
        return new Recipe
        {
            Name = "bench",
            Tensorflow = new TensorflowSource(origin, "v2.20.0", null, "2.20.0"),
            Python = "3.11",
            Target = new TargetPlatform(TargetOs.Linux, HostPlatform.Current.Arch == "x86_64" ? TargetArch.X86_64 : TargetArch.Aarch64, null),
            Configure = new ConfigureSettings
            {
                Env = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("TF_NEED_CUDA", "0"), KeyValuePair.Create("TF_ENABLE_XLA", "1")]),
            },
            Bazel = new BazelSettings
            {
                StartupOptions = ["--output_user_root=" + Path.Combine(temp, "bazel-root"), "--max_idle_secs=120"],
                Configs = ["release_cpu_linux"],
            },
        };
    }

    private static string FindFixture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var fixture = Path.Combine(dir.FullName, "tests", "fixtures", "tf-shaped");
            if (Directory.Exists(fixture))
            {
                return fixture;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/tf-shaped not found above " + AppContext.BaseDirectory);
    }

    internal sealed class QuietLog : ICakeLog
    {
        public Verbosity Verbosity { get; set; } = Verbosity.Quiet;

        public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
        {
        }
    }
}
