using Tfwheel.Files;
using Tfwheel.Processes;
using Tfwheel.Recipes;

namespace Tfwheel.Plan;

/// <summary>Everything the Wheel target would do for a recipe, without doing any of it.</summary>
/// <param name="Artifacts">What each stage leaves in artifacts/&lt;recipe&gt;/: label -> absolute path.</param>
/// <param name="SmokeEnvironment">The variables the smoke workloads run with (TF_XLA_FLAGS, MLIR_CRASH_REPRODUCER_DIRECTORY, ...).</param>
public sealed record WheelPlan(
    Recipe Recipe,
    BuildPaths Paths,
    IReadOnlyList<PlannedStep> Steps,
    IReadOnlyDictionary<string, string> Artifacts,
    IReadOnlyDictionary<string, string> SmokeEnvironment);
