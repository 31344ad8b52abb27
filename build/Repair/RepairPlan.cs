using Tfwheel.Platforms;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Repair;

/// <summary>What Plan shows for Repair: nothing for a target that keeps bazel's tag, otherwise the one in-process step.</summary>
public static class RepairPlan
{
    public static IReadOnlyList<PlannedStep> Steps(Recipe recipe)
    {
        if (!TargetWheelTags.NeedsRepair(recipe.Target))
        {
            return [];
        }

        var arch = recipe.Target.ArchTag;
        var policy = ManylinuxPolicies.ForFloor(recipe.Target.MinOs!);
        var description = policy is null
            ? $"Refuse: target.min-os {recipe.Target.MinOs} has no manylinux policy in tfwheel ({ManylinuxPolicies.KnownFloors})"
            : $"Check every ELF's GLIBC_/GLIBCXX_/CXXABI_/GCC_ needs and DT_NEEDED libraries against auditwheel's {policy.Name} policy for {arch}, " +
              $"then retag {TargetWheelTags.Built(recipe.Target)} -> {policy.PlatformTag(arch)} (file name, WHEEL Tag lines, RECORD; no libraries grafted) and verify the result (in-process)";
        return [new PlannedStep("repair", description)];
    }
}
