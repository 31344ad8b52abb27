namespace Tfwheel.Recipes.Loading;

/// <summary>Every key a recipe may contain, with its shape. README "Recipe reference" documents the same tree.</summary>
internal static class RecipeSchema
{
    private static readonly ScalarShape Text = new(ScalarKind.String);
    private static readonly ScalarShape OptionalText = new(ScalarKind.String, Nullable: true);
    private static readonly ScalarShape Integer = new(ScalarKind.Integer);
    private static readonly ScalarShape Flag = new(ScalarKind.Boolean);
    private static readonly ListShape List = new();
    private static readonly DictionaryShape Names = new();

    public static SectionShape Root { get; } = Section(
        ("name", Text),
        ("description", Text),
        ("extends", Text),
        ("tensorflow", Section(("repository", Text), ("ref", Text), ("commit", OptionalText), ("version", Text))),
        ("python", new OneOrListShape()),
        ("target", Section(
            ("os", new ScalarShape(ScalarKind.String, RecipeEnums.OsNames)),
            ("arch", new ScalarShape(ScalarKind.String, RecipeEnums.ArchNames)),
            ("min-os", OptionalText),
            ("cpu", Text))),
        ("bazel", Section(
            ("version", OptionalText),
            ("executable", Text),
            ("startup-options", List),
            ("configs", List),
            ("options", List),
            ("repo-env", Names),
            ("action-env", Names),
            ("jobs", Text),
            ("disk-cache", OptionalText),
            ("remote", Section(
                ("cache", OptionalText),
                ("executor", OptionalText),
                ("instance-name", OptionalText),
                ("header-env", Names),
                ("download", new ScalarShape(ScalarKind.String, RecipeEnums.DownloadNames)))))),
        ("configure", Section(("env", Names), ("timeout-seconds", Integer))),
        ("accelerate", Section(
            ("enabled", Flag),
            ("mode", new ScalarShape(ScalarKind.String, RecipeEnums.AccelerateModeNames)),
            ("new-lapack", Flag))),
        ("mlir", Section(
            ("bridge", new ScalarShape(ScalarKind.String, RecipeEnums.BridgeNames)),
            ("xla-flags", List),
            ("pass-pipeline", Text),
            ("crash-reproducers", Flag),
            ("dump-graphs", Flag))),
        ("patches", List),
        ("wheel", Section(("name", Text), ("version-suffix", Text))),
        ("verify", Section(("archs", List), ("allow-universal", Flag), ("require-frameworks", List), ("max-size-mb", Integer))),
        ("smoke", Section(("workloads", List), ("timeout-seconds", Integer), ("pip-args", List))),
        ("publish", Section(("repository", OptionalText), ("tag", Text), ("draft", Flag), ("prerelease", Flag), ("api-url", Text))));

    /// <summary>Keys that belong to one file and are not inherited through extends.</summary>
    public static IReadOnlySet<string> PerFileKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "name", "description", "extends" };

    private static SectionShape Section(params (string Key, RecipeShape Shape)[] keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Shape, StringComparer.Ordinal));
}
