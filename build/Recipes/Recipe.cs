namespace Tfwheel.Recipes;

/// <summary>
/// A fully resolved recipe: defaults, then the <c>extends</c> chain, then <c>--set</c> overrides, validated.
/// Paths in it (patches, workload files) are absolute. README "Recipe reference" documents every key.
/// </summary>
public sealed record Recipe
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The recipe files in the order they were merged: the root of the chain first, the named recipe last.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public required TensorflowSource Tensorflow { get; init; }

    /// <summary>Python version, "3.12": HERMETIC_PYTHON_VERSION, the wheel's cpXY tag and the smoke venv.</summary>
    public required string Python { get; init; }

    public required TargetPlatform Target { get; init; }

    public BazelSettings Bazel { get; init; } = new();

    public ConfigureSettings Configure { get; init; } = new();

    public AccelerateSettings Accelerate { get; init; } = new();

    public MlirSettings Mlir { get; init; } = new();

    /// <summary>Absolute paths of the patch files, in the order they are applied.</summary>
    public IReadOnlyList<string> Patches { get; init; } = [];

    public WheelSettings Wheel { get; init; } = new();

    public VerifySettings Verify { get; init; } = new();

    public SmokeSettings Smoke { get; init; } = new();

    public PublishSettings Publish { get; init; } = new();

    /// <summary>"3.12" -> "312", as in the cp312 wheel tag.</summary>
    public string PythonTag => "cp" + Python.Replace(".", "", StringComparison.Ordinal);
}
