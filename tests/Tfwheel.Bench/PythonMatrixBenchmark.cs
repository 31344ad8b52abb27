using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Tfwheel.Compile;
using Tfwheel.Files;
using Tfwheel.Processes;

namespace Tfwheel.Bench;

/// <summary>
/// How much bazel reuses when one recipe builds a wheel per Python: the real program's `--target=Compile
/// --python=3.11,3.12` on the TF-shaped workspace from an expunged output base, timing each Python's bazel run (from
/// the manifest) and counting the processes it ran. The first Python's build is the baseline measured in the same
/// run; the second should cost only its Python-dependent actions (the wheel), not the library again.
/// </summary>
public sealed class PythonMatrixBenchmark : IBenchmark
{
    public string Name => "python-matrix";

    public string Description => "second Python's build vs the first, one tree and output base (TF-shaped workspace; prints the ratio and the processes each ran)";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var temp = Directory.CreateTempSubdirectory("tfwheel-bench-").FullName;
        var gateway = new ProcessGateway(new CompileNoOpBenchmark.QuietLog());
        var recipe = await CompileNoOpBenchmark.CreateWorkspaceAsync(temp, gateway);
        var paths = BuildPaths.For(Path.Combine(temp, "project"), recipe.Name);
        var plan = CompilePlanner.PlanCompile(recipe, paths);
        try
        {
            var first = new List<double>();
            var second = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                if (i > 0)
                {
                    // Every round starts from an empty output base: the first Python builds everything.
                    var expunge = plan.Invocation.Argv.TakeWhile(a => a != "build").Append("clean").Append("--expunge").ToList();
                    (await gateway.RunAsync(new ProcessSpec(expunge[0], expunge.Skip(1).ToList()) { WorkingDirectory = paths.Source, Echo = false, StreamOutput = false })).EnsureSuccess();
                }

                var watch = Stopwatch.StartNew();
                var run = new ProcessSpec("dotnet", [CompileNoOpBenchmark.Program, "--target=Compile", "--recipe=bench", "--python=3.11,3.12"])
                {
                    WorkingDirectory = paths.Root, Echo = false, StreamOutput = false, TailLines = 40,
                };
                var result = await gateway.RunAsync(run);
                if (result.ExitCode != 0)
                {
                    Console.WriteLine($"error: tfwheel --target=Compile exited {result.ExitCode}:\n{result.StandardOutput}\n{string.Join('\n', result.StandardErrorTail)}");
                    return 1;
                }

                var wall = watch.Elapsed.TotalSeconds;
                using var manifest = JsonDocument.Parse(File.ReadAllText(paths.Manifest));
                var wheels = manifest.RootElement.GetProperty("wheels").EnumerateArray().ToList();
                var seconds = wheels.Select(w => w.GetProperty("durationSeconds").GetDouble()).ToList();
                var local = wheels.Select(w => w.GetProperty("bazel").GetProperty("processes") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("local").GetInt32() : -1).ToList();
                first.Add(seconds[0]);
                second.Add(seconds[1]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {i + 1}: Python 3.11 {seconds[0]:F2} s ({local[0]} local processes), Python 3.12 {seconds[1]:F2} s ({local[1]} local processes); whole program {wall:F2} s"));
            }

            var a = Median(first);
            var b = Median(second);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first Python: median {a:F2} s; second Python: median {b:F2} s; ratio {b / a:F2}x (lower is more reuse; {rounds} rounds)"));
            return 0;
        }
        finally
        {
            var shutdown = plan.Invocation.Shutdown.Argv;
            if (Directory.Exists(paths.Source))
            {
                await gateway.RunAsync(new ProcessSpec(shutdown[0], shutdown.Skip(1).ToList()) { WorkingDirectory = paths.Source, Echo = false });
            }

            Directory.Delete(temp, recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
