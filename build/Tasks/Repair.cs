using Cake.Frosting;
using Tfwheel.Platforms;
using Tfwheel.Recipes;
using Tfwheel.Report;
using Tfwheel.Repair;
using Tfwheel.Reporting;

namespace Tfwheel.Tasks;

[TaskName("Repair")]
[TaskDescription("Linux with a glibc floor: checks every ELF against the manylinux policy and retags bazel's linux_<arch> wheel manylinux (no grafting)")]
[IsDependentOn(typeof(Verify))]
public sealed class Repair : AsyncFrostingTask<BuildContext>
{
    // Skips are decided in RunAsync, not ShouldRun: Cake fails a target whose criteria are false
    // ("Could not reach target"), and "--target=Repair" on a macOS recipe has nothing wrong with it.
    public override async Task RunAsync(BuildContext context)
    {
        if (SkipReason(context) is { } reason)
        {
            context.Log.InfoText($"Repair: skipped, {reason}.");
            return;
        }

        var results = await WheelRepairer.RepairAllAsync(context.Recipe, context.Paths, context.Log, context.Cancellation);
        context.RecordStage("repair", TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks)));
        // The retagged wheels replace Compile's: the step outputs name the wheels that are left.
        context.Actions.WheelOutputs([.. results.Select(r => (r.Python, r.Wheel, r.Sha256))]);
    }

    private static string? SkipReason(BuildContext context)
    {
        if (!context.BuildsWheel)
        {
            return "--wheel names the wheel to use (Repair only retags the wheel Compile built)";
        }

        var target = context.Recipe.Target;
        if (target.Os != TargetOs.Linux)
        {
            return $"the target is {target.Os.ToString().ToLowerInvariant()}; manylinux tags are for Linux wheels";
        }

        return TargetWheelTags.NeedsRepair(target)
            ? null
            : $"recipe '{context.Recipe.Name}' sets no glibc floor (target.min-os), so its wheel keeps bazel's {TargetWheelTags.Built(target)} tag";
    }
}
