using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Compile;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;
using Tfwheel.Reporting;

namespace Tfwheel.Source;

/// <summary>
/// Patch: applies the recipe's patches in order with git apply. Each is checked first; one that only
/// applies in reverse is already applied and is skipped, so re-runs are idempotent; a conflict names
/// the patch, file and hunk, and git apply's all-or-nothing behaviour leaves the tree as before that patch.
/// </summary>
public static class PatchSeries
{
    public static async Task<PatchResult> ApplyAsync(Recipe recipe, BuildPaths paths, IProcessGateway gateway, ICakeLog log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var outcomes = new List<PatchOutcome>();
        foreach (var step in SourcePlanner.PlanPatches(recipe, paths))
        {
            CheckLocation(step.PatchFile, recipe, paths);
            var sha = Hashing.Sha256File(step.PatchFile);
            // The checks are expected to fail sometimes: quiet, so their errors are not streamed as if something broke.
            var check = await StepProcess.RunAsync(step.Check, gateway, ct, quiet: true);
            if (check.Succeeded)
            {
                await StepProcess.RunOrThrowAsync(step.Apply, gateway, ct);
                log.InfoText($"Patch: applied {Path.GetFileName(step.PatchFile)}");
                outcomes.Add(new PatchOutcome(step.PatchFile, sha, AlreadyApplied: false));
                continue;
            }

            if ((await StepProcess.RunAsync(step.ReverseCheck, gateway, ct, quiet: true)).Succeeded)
            {
                log.InfoText($"Patch: {Path.GetFileName(step.PatchFile)} is already applied; skipped");
                outcomes.Add(new PatchOutcome(step.PatchFile, sha, AlreadyApplied: true));
                continue;
            }

            var applied = outcomes.Count == 0 ? "no earlier patch was applied" : $"the {outcomes.Count} earlier patch(es) stay applied";
            throw new SourceException(
                $"Patch: {PatchConflict.Describe(step.PatchFile, check.StandardErrorTail)} ({step.PatchFile}). " +
                $"The tree is as it was before this patch ({applied}). Refresh the patch against {recipe.Tensorflow.Ref}, or drop it from the recipe.");
        }

        await new GitTree(paths.Source, gateway).RecordPatchedTreeAsync(outcomes.Select(o => o.Sha256), ct);
        return new PatchResult(outcomes, watch.Elapsed);
    }

    /// <summary>Patches come from the project or the recipe's folder (the recipe loader resolves them); anything else is refused.</summary>
    private static void CheckLocation(string patch, Recipe recipe, BuildPaths paths)
    {
        // Where links lead, not their names: a patch linked to a file outside the project is outside (issue 11).
        var full = File.Exists(patch) ? RealPath.Resolve(patch) : Path.GetFullPath(patch);
        var allowed = recipe.Files.Select(f => RealPath.Resolve(Path.GetDirectoryName(Path.GetFullPath(f))!)).Append(RealPath.Resolve(paths.Root));
        if (!allowed.Any(dir => full.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            throw new UsageException($"Patch: {patch} is outside the project ({paths.Root}) and the recipe's folder. Keep patches in patches/ and reference them from the recipe.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"Patch: {patch} does not exist. Check the patches list of recipe '{recipe.Name}' (paths are relative to the recipe file's folder).");
        }
    }
}

/// <summary>What happened to one patch: applied now, or found already applied and skipped.</summary>
public sealed record PatchOutcome(string Path, string Sha256, bool AlreadyApplied);

/// <summary>The patch series as applied, in order, with each patch's SHA-256 for the manifest.</summary>
public sealed record PatchResult(IReadOnlyList<PatchOutcome> Patches, TimeSpan Duration);

/// <summary>
/// One patch of the series: check that it applies; if not, check whether it is already applied
/// (applies in reverse) and skip it; otherwise apply it. git apply is all-or-nothing, so a conflict
/// leaves the tree as it was before this patch.
/// </summary>
public sealed record PatchStep(string PatchFile, PlannedStep Check, PlannedStep ReverseCheck, PlannedStep Apply)
{
    public IReadOnlyList<PlannedStep> Steps => [Check, ReverseCheck, Apply];
}
