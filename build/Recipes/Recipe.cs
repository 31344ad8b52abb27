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

    /// <summary>
    /// The Python this recipe object is for, "3.12": HERMETIC_PYTHON_VERSION, the wheel's cpXY tag and the smoke venv.
    /// The first of <see cref="Pythons"/> unless <see cref="ForPython"/> chose another.
    /// </summary>
    public required string Python { get; init; }

    /// <summary>
    /// Every Python the run builds a wheel for, in the recipe's order (python: "3.12" or a list; --python selects).
    /// One tree and one bazel output base serve them all: bazel runs once per version.
    /// </summary>
    public IReadOnlyList<string> Pythons
    {
        get => _pythons.Count > 0 ? _pythons : [Python];
        init => _pythons = value;
    }

    private readonly IReadOnlyList<string> _pythons = [];

    /// <summary>The environment values as the recipe wrote them, before {placeholders}: <see cref="ForPython"/> expands them again.</summary>
    public EnvironmentTemplates Templates { get; init; } = EnvironmentTemplates.None;

    /// <summary>This recipe for one of its Pythons: {python} in the environment values follows it.</summary>
    public Recipe ForPython(string version) => RecipePlaceholders.ExpandEnvironments(this with { Python = version });

    /// <summary>One recipe per Python the run builds, in order.</summary>
    public IReadOnlyList<Recipe> PerPython => [.. Pythons.Select(ForPython)];

    /// <summary>
    /// What the source tree depends on: the recipe with {python} left as written, so Fetch/Patch/Configure's input
    /// stamp and .bazelrc.user are the same whichever Pythons a run selects.
    /// </summary>
    public Recipe PythonNeutral => ForPython("{python}") with { Pythons = ["{python}"] };

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

    /// <summary>"3.12" -> "cp312", as in the wheel tag.</summary>
    public string PythonTag => "cp" + Python.Replace(".", "", StringComparison.Ordinal);
}
