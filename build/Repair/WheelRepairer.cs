using System.Diagnostics;
using Cake.Core.Diagnostics;
using Tfwheel.Errors;
using Tfwheel.Files;
using Tfwheel.Pipeline;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Reporting;
using Tfwheel.Verify;
using Tfwheel.Verify.Archive;
using Tfwheel.Verify.Findings;

namespace Tfwheel.Repair;

/// <summary>
/// Repair: turns bazel's linux_&lt;arch&gt; wheel into the manylinux wheel the recipe's glibc floor promises,
/// as TensorFlow's CI does with auditwheel repair --plat manylinux2014_&lt;arch&gt;
/// (tensorflow/tensorflow ci/official/utilities/rename_and_verify_wheels.sh@0b1c40d4), but without
/// grafting: every ELF must already meet the policy. Checks, retags, verifies the new file with the
/// Verify stage's checks, and only then removes the old one, so artifacts/ always holds exactly one wheel per Python.
/// </summary>
public static class WheelRepairer
{
    /// <summary>Repairs the wheel of every Python of the run, in order; the first refusal stops the stage.</summary>
    public static async Task<IReadOnlyList<RepairResult>> RepairAllAsync(Recipe recipe, BuildPaths paths, ICakeLog log, CancellationToken ct)
    {
        var results = new List<RepairResult>();
        foreach (var wheel in WheelLocator.ForRun(recipe, null, paths.Root, paths.Artifacts))
        {
            results.Add(await RepairAsync(wheel.Recipe, wheel.Path, paths, log, ct));
        }

        return results;
    }

    public static async Task<RepairResult> RepairAsync(Recipe recipe, string wheel, BuildPaths paths, ICakeLog log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var target = recipe.Target;
        var policy = PolicyFor(recipe);
        var wheelName = Path.GetFileName(wheel);
        var name = WheelFileName.TryParse(wheel, out var error)
            ?? throw new StepFailedException($"Repair: {error}. Rebuild the wheel (Compile).", ExitCodes.Verify);
        var tags = policy.PlatformTag(target.ArchTag);
        var current = string.Join('.', name.PlatformTags);
        var built = TargetWheelTags.Built(target);
        if (current != tags && current != built)
        {
            throw new StepFailedException(
                $"Repair: {wheelName} is tagged {current}; Repair retags bazel's {built} wheel for recipe '{recipe.Name}' (to {tags}). Rebuild it with Compile, or remove it from {paths.Artifacts}.",
                ExitCodes.Verify);
        }

        var contents = await WheelArchiveReader.ReadAsync(wheel, ct);
        if (contents.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } broken)
        {
            throw new StepFailedException(
                $"Repair: {wheelName} is not a sound archive ([{broken.Code}] {broken.Path}: {broken.Message}); run Verify for the full report and rebuild the wheel.",
                ExitCodes.Verify);
        }

        var audit = ManylinuxAudit.Check(contents.Binaries, contents.Entries.Select(e => e.Path).ToList(), target.ArchTag, policy);
        if (!audit.Compliant)
        {
            throw new StepFailedException(audit.Describe(wheelName), ExitCodes.Repair);
        }

        var binaries = contents.Binaries.Count;
        if (current == tags)
        {
            log.InfoText($"Repair: {wheelName} already carries {tags}; its {binaries} ELF file(s) meet {policy.Name}, nothing to rewrite.");
            return await RecordAsync(new RepairResult(wheelName, wheel, tags, policy, false, binaries, new FileInfo(wheel).Length, Hashing.Sha256File(wheel), watch.Elapsed) { PythonTag = name.PythonTag, Python = recipe.Python }, paths, ct);
        }

        var repaired = await WheelRetagger.RetagAsync(wheel, paths.Artifacts, tags, ct);
        var report = await WheelVerifier.VerifyAsync(repaired, VerifyRequirements.FromRecipe(recipe), ct);
        if (!report.Ok)
        {
            File.Delete(repaired); // the original stays, so the folder still holds one wheel for this Python
            var first = report.Findings.First(f => f.Severity == Severity.Error);
            throw new StepFailedException(
                $"Repair: the retagged wheel failed Verify ([{first.Code}] {first.Path}: {first.Message}); {wheelName} is left as it was. This is a tfwheel bug if Verify passed before Repair.",
                ExitCodes.Verify);
        }

        VerifyReportWriter.WriteJsonFile(report, paths.VerifyReportFor(name.PythonTag)); // the report now describes the wheel that is left
        File.Delete(wheel);
        var result = new RepairResult(wheelName, repaired, tags, policy, true, binaries, new FileInfo(repaired).Length, Hashing.Sha256File(repaired), watch.Elapsed) { PythonTag = name.PythonTag, Python = recipe.Python };
        log.InfoText($"Repair: {wheelName} -> {result.WheelName} ({binaries} ELF file(s) meet {policy.Name}; no libraries grafted; sha256 {result.Sha256})");
        return await RecordAsync(result, paths, ct);
    }

    /// <summary>The policy of the recipe's glibc floor; a floor tfwheel has no policy for is a recipe error.</summary>
    public static ManylinuxPolicy PolicyFor(Recipe recipe)
    {
        var floor = recipe.Target.MinOs ?? throw new UsageException($"Repair: recipe '{recipe.Name}' sets no glibc floor (target.min-os), so there is no manylinux tag to repair to.");
        var policy = ManylinuxPolicies.ForFloor(floor)
            ?? throw Problem(recipe, $"target.min-os \"{floor}\" is not a manylinux policy tfwheel knows ({ManylinuxPolicies.KnownFloors}, from auditwheel's policy file); use one of those floors");
        return policy.Maxima.ContainsKey(recipe.Target.ArchTag)
            ? policy
            : throw Problem(recipe, $"tfwheel's manylinux policies cover x86_64 and aarch64, not {recipe.Target.ArchTag}");
    }

    private static RecipeException Problem(Recipe recipe, string message) =>
        new([new RecipeProblem(recipe.Files.LastOrDefault() ?? recipe.Name, 0, 0, message)]);

    private static async Task<RepairResult> RecordAsync(RepairResult result, BuildPaths paths, CancellationToken ct)
    {
        await RepairManifest.WriteAsync(paths.Manifest, result, ct);
        return result;
    }
}
