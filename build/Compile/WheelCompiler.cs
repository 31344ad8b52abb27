using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Compile;

/// <summary>
/// Compile: the one planned bazel build, then (TF &lt;= 2.16) the built build_pip_package script; the
/// wheel is checked against the tag bazel gives the target (TargetWheelTags.Built: linux_&lt;arch&gt; on Linux) and copied into artifacts/&lt;recipe&gt;/.
/// </summary>
public static class WheelCompiler
{
    public static async Task<CompileResult> CompileAsync(Recipe recipe, BuildPaths paths, IProcessGateway gateway, ICakeLog log, ProgressReporter progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var plan = CompilePlanner.PlanCompile(recipe, paths);
        var run = await BazelRunner.RunAsync(plan, gateway, progress, ct);
        if (run.ExitCode != 0)
        {
            throw new StepFailedException(FailureMessage(run, plan), BazelExitCode.ToTfwheelExitCode(run.ExitCode));
        }

        if (plan.Package is { } package)
        {
            Directory.CreateDirectory(plan.WheelDirectory);
            await StepProcess.RunOrThrowAsync(package, gateway, ct,
                "build_pip_package failed after a successful bazel build; its output above says why.");
        }

        var built = FindWheel(plan.WheelDirectory, recipe);
        var name = WheelFileName.Parse(Path.GetFileName(built));
        if (name.PythonTag != recipe.PythonTag)
        {
            throw new StepFailedException(
                $"Compile: bazel built {Path.GetFileName(built)} for {name.PythonTag}, but this build is for Python {recipe.Python} ({recipe.PythonTag}). " +
                "The tree's python_repo.bzl did not see HERMETIC_PYTHON_VERSION from the command line: check that the recipe's bazel.repo-env does not pin it (write \"{python}\").",
                ExitCodes.Build);
        }

        var tag = name.Platform;
        var expected = TargetWheelTags.Built(recipe.Target);
        if (tag != expected)
        {
            throw new StepFailedException(
                $"Compile: bazel built {Path.GetFileName(built)}, whose platform tag is {tag}, but recipe '{recipe.Name}' expects bazel's {expected}" +
                (TargetWheelTags.NeedsRepair(recipe.Target) ? $" (Repair retags it {TargetWheelTags.Final(recipe.Target)} later)" : "") + ". " +
                "Check target.arch and target.min-os against the bazel configs (macOS: MACOSX_DEPLOYMENT_TARGET / --macos_minimum_os; Linux: tf_wheel.bzl names the wheel linux_<arch>).",
                ExitCodes.Build);
        }

        var wheel = Path.Combine(paths.Artifacts, Path.GetFileName(built));
        await AtomicFile.CopyAsync(built, wheel, ct);
        var size = new FileInfo(wheel).Length;
        var sha = Hashing.Sha256File(wheel);
        log.InfoText($"Compile: {Path.GetFileName(wheel)} ({size:N0} bytes, sha256 {sha}) in {paths.Artifacts}");
        return new CompileResult(wheel, size, sha, run, watch.Elapsed) { Python = recipe.Python, PythonTag = recipe.PythonTag };
    }

    /// <summary>
    /// The newest wheel of this distribution for this build's Python in the output folder; builds of other versions
    /// (of TensorFlow, or of Python: one output base serves them all) may sit beside it.
    /// </summary>
    private static string FindWheel(string directory, Recipe recipe)
    {
        var prefix = recipe.Wheel.Name.Replace('-', '_') + "-";
        var wheels = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.whl")
                .Where(w => Path.GetFileName(w).StartsWith(prefix, StringComparison.Ordinal))
                .Where(w => WheelFileName.TryParse(w, out _) is not { } parsed || parsed.PythonTag == recipe.PythonTag)
                .ToList()
            : [];
        if (wheels.Count == 0)
        {
            var remote = recipe.Bazel.Remote.Enabled && recipe.Bazel.Remote.Download == Recipes.RemoteDownload.Minimal
                ? " bazel.remote.download: minimal leaves every output in the remote cache, the wheel too: use toplevel (the default)."
                : "";
            throw new StepFailedException(
                $"Compile: bazel succeeded but no {prefix}*.whl is in {directory}. Check wheel.name (WHEEL_NAME) and that the tree's pip_package target writes there.{remote}",
                ExitCodes.Build);
        }

        return wheels.OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    /// <summary>
    /// artifacts/&lt;recipe&gt;/ holds exactly the wheels this run built, one per Python: one from an earlier build
    /// (a Python this run did not select, another wheel name or version, or the manylinux wheel Repair made from it)
    /// would make Verify, Smoke and Publish judge and ship a wheel this run did not make. Removed after the new
    /// wheels are in place, so a killed run never leaves none.
    /// </summary>
    public static void RemoveOtherWheels(string artifacts, IEnumerable<string> keep, ICakeLog log)
    {
        var kept = keep.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var keptTags = kept.Select(k => WheelFileName.TryParse(k, out _)?.PythonTag).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var old in Directory.GetFiles(artifacts, "*.whl").Where(w => !kept.Contains(Path.GetFullPath(w))))
        {
            File.Delete(old);
            log.InfoText($"Compile: removed {Path.GetFileName(old)}, left by an earlier build");
            // Its reports judged a wheel that is gone; a report for a Python this run built is rewritten by Verify and Smoke.
            if (WheelFileName.TryParse(old, out _) is { } name && !keptTags.Contains(name.PythonTag))
            {
                foreach (var report in new[] { BuildPaths.VerifyReportName(name.PythonTag), BuildPaths.SmokeReportName(name.PythonTag), BuildPaths.SmokeJUnitName(name.PythonTag) })
                {
                    File.Delete(Path.Combine(artifacts, report));
                }
            }
        }
    }

    private static string FailureMessage(BazelRun run, CompilePlan plan)
    {
        var text = $"Compile: bazel exited with code {run.ExitCode}: {BazelExitCode.Describe(run.ExitCode)}.";
        if (run.Outcome.FailedTargets.Count > 0)
        {
            text += $"{Environment.NewLine}Failed targets: {string.Join(", ", run.Outcome.FailedTargets)}";
        }

        if (run.Outcome.FirstFailedAction is { } action)
        {
            var stderr = action.Stderr.Split('\n').Where(l => l.Length > 0).TakeLast(30).Select(l => "  | " + l);
            text += $"{Environment.NewLine}First failing action: {action.Mnemonic} in {action.Label}" +
                (action.ExitCode is { } code ? $" (exit {code})" : "") + ":" +
                Environment.NewLine + string.Join(Environment.NewLine, stderr);
        }

        else if (run.Errors.Count > 0)
        {
            text += Environment.NewLine + string.Join(Environment.NewLine, run.Errors.Select(l => "  | " + l));
        }

        return text + $"{Environment.NewLine}Full log: {plan.LogFile}; build events: {plan.BuildEventFile}";
    }
}

/// <summary>The wheel Compile produced, copied into artifacts/&lt;recipe&gt;/, and how the build went.</summary>
public sealed record CompileResult(string WheelPath, long WheelSize, string WheelSha256, BazelRun Build, TimeSpan Duration)
{
    /// <summary>The Python the wheel is for ("3.12") and its tag ("cp312").</summary>
    public string Python { get; init; } = "";

    public string PythonTag { get; init; } = "";

    public string WheelName => Path.GetFileName(WheelPath);
}
