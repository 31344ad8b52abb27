using System.Text.RegularExpressions;
using Tfwheel.Platforms;
using Tfwheel.Reporting;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// The meaning checks that need more than one value or a domain fact: version formats, the commit pin,
/// macOS minimums, Accelerate only on macOS, secrets written where an environment variable name belongs.
/// Each problem points at the value that causes it.
/// </summary>
internal sealed partial class RecipeRules(RecipeTreeReader tree, List<RecipeProblem> problems)
{
    public void CheckAll(Recipe recipe, SourceMark rootMark)
    {
        // The name becomes a folder (artifacts/<name>, .work/src/<name>): keep it a single safe path segment.
        if (!RecipeName().IsMatch(recipe.Name))
        {
            var mark = tree.Scalar("name")?.Mark ?? rootMark;
            problems.Add(mark.Problem($"recipe name '{Printable(recipe.Name)}' must be letters, digits, '.', '_' and '-' (it names the artifacts folder); set name: or rename the file"));
        }

        CheckSource();
        CheckTarget(recipe.Target);
        new BazelRules(tree, problems, this).Check(recipe.Target);
        CheckAccelerate(recipe);
        CheckEnvironment("configure.env");
        Positive("configure.timeout-seconds");
        Each("mlir.xla-flags", f => f.StartsWith("--", StringComparison.Ordinal) && IsOneLine(f), "each XLA flag must start with '--' and be one line");
        Matches("mlir.pass-pipeline", v => v.Trim().Length > 0 && IsOneLine(v), "must be a non-empty pass pipeline on one line, e.g. tf-standard-pipeline");
        Matches("wheel.name", WheelName().IsMatch, "must be a wheel distribution name of letters, digits and '_' (tensorflow, tensorflow_cpu)");
        Matches("wheel.version-suffix", v => VersionSuffix().IsMatch(v), "may only contain letters, digits, '.', '+', '-' and '_'");
        Each("verify.archs", RecipeEnums.ArchNames.Contains, "unknown architecture (allowed: " + string.Join(", ", RecipeEnums.ArchNames) + ")");
        Each("verify.require-frameworks", f => f.Length > 0 && IsOneLine(f) && !f.Contains('/'), "must be a framework name such as Accelerate");
        Positive("verify.max-size-mb");
        Positive("smoke.timeout-seconds");
        Each("smoke.pip-args", IsOneLine, "pip arguments must not contain a newline or NUL");
        Matches("publish.repository", RepositoryName().IsMatch, "must be owner/name");
        Matches("publish.tag", v => v.Length > 0 && !v.Any(char.IsWhiteSpace), "must be a tag template without spaces");
        CheckPlaceholders(tree.Scalar("publish.tag"), problems);
        CheckPythonPins(recipe);
        if (recipe.Pythons.Count > 1 && tree.Scalar("publish.tag") is { } tag && tag.Text.Contains("{python}", StringComparison.Ordinal))
        {
            // Publish puts every wheel of the run on one release with one SHA256SUMS.
            problems.Add(tag.Mark.Problem(
                $"'publish.tag' uses {{python}}, but the recipe builds {string.Join(", ", recipe.Pythons)}, and all their wheels go to one release; drop {{python}} from the tag (the wheel names carry it), or select one version with --python"));
        }
        // The token goes there: https, or plain http to a loopback test server only (README "Publish").
        Matches("publish.api-url", v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.UserInfo.Length == 0 && (u.Scheme == "https" || u.Scheme == "http" && u.IsLoopback),
            "must be an https URL such as https://api.github.com/ or https://HOST/api/v3/ (plain http only for a loopback test server: the token must not travel unencrypted)");
        Secret("publish.api-url");
    }

    /// <summary>
    /// A recipe that builds several Pythons cannot pin the version variables TensorFlow's python_repo.bzl reads
    /// (docs/facts/TENSORFLOW.md section 3): every build would get that one Python.
    /// </summary>
    private void CheckPythonPins(Recipe recipe)
    {
        if (recipe.Pythons.Count < 2)
        {
            return;
        }

        foreach (var path in new[] { "bazel.repo-env.HERMETIC_PYTHON_VERSION", "bazel.repo-env.TF_PYTHON_VERSION", "bazel.action-env.HERMETIC_PYTHON_VERSION", "bazel.action-env.TF_PYTHON_VERSION" })
        {
            if (tree.Scalar(path) is { } pin && !pin.Text.Contains("{python}", StringComparison.Ordinal))
            {
                problems.Add(pin.Mark.Problem(
                    $"'{path}' is '{Printable(pin.Text)}', but the recipe builds {string.Join(", ", recipe.Pythons)}: every build would get that one Python; write \"{{python}}\" (or leave it out: tfwheel passes HERMETIC_PYTHON_VERSION per build)"));
            }
        }
    }

    public static bool IsOneLine(string value) => !value.Contains('\n') && !value.Contains('\r') && !value.Contains('\0');

    private void CheckSource()
    {
        Matches("tensorflow.repository", v => !v.StartsWith('-') && IsOneLine(v) && v.Trim() == v && v.Length > 0, "must be a URL or a path, on one line, not starting with '-'");
        Secret("tensorflow.repository");
        Matches("tensorflow.ref", v => v.Length > 0 && !v.StartsWith('-') && !v.Any(char.IsWhiteSpace) && !v.Contains('\0'), "must be a git tag or branch such as v2.20.0 (no spaces, not starting with '-')");
        Matches("tensorflow.commit", CommitPin().IsMatch, "must be a full 40-character hex commit hash (git rev-parse v2.20.0^{commit})");
        Matches("tensorflow.version", TfVersion().IsMatch, "must be a TensorFlow version such as 2.20.0");
        Matches("python", PythonVersion().IsMatch, "must be a Python version such as \"3.12\"");
        Each("python", PythonVersion().IsMatch, "must be a Python version such as \"3.12\"");
    }

    private void CheckTarget(TargetPlatform target)
    {
        var minOs = tree.Scalar("target.min-os");
        if (minOs is null)
        {
            return;
        }

        if (!MinOsVersion().IsMatch(minOs.Text))
        {
            var example = target.Os == TargetOs.Macos ? "12.0" : "2.17 (the glibc floor of the manylinux tag)";
            problems.Add(minOs.Mark.Problem($"'target.min-os' must be a version such as {example}, got '{minOs.Text}'"));
        }
        else if (target.Os == TargetOs.Linux && ManylinuxPolicies.ForFloor(minOs.Text) is null)
        {
            // Repair retags to auditwheel's policy of this floor (PEP 600); a floor with no policy cannot be promised.
            problems.Add(minOs.Mark.Problem($"'target.min-os' {minOs.Text} is not a manylinux glibc floor tfwheel has a policy for ({ManylinuxPolicies.KnownFloors}); TensorFlow releases use 2.17 (manylinux2014)"));
        }
        else if (target.Os == TargetOs.Macos && target.Arch == TargetArch.Arm64 && Version.Parse(minOs.Text) < new Version(11, 0))
        {
            problems.Add(minOs.Mark.Problem($"'target.min-os' {minOs.Text} is below 11.0, the first macOS for arm64 (Apple silicon); use 11.0 or later (TensorFlow's release_macos_arm64 uses 12.0)"));
        }
    }

    private void CheckAccelerate(Recipe recipe)
    {
        var target = recipe.Target;
        var enabled = tree.Scalar("accelerate.enabled");
        if (enabled is not null && RecipeShapeChecker.IsTrue(enabled.Text) && target.Os != TargetOs.Macos)
        {
            problems.Add(enabled.Mark.Problem("Accelerate is Apple's framework and exists only on macOS, but target.os is linux; set accelerate.enabled: false"));
        }

        var newLapack = tree.Scalar("accelerate.new-lapack");
        var minOs = tree.Text("target.min-os");
        if (newLapack is not null && RecipeShapeChecker.IsTrue(newLapack.Text) && minOs is not null
            && Version.TryParse(minOs, out var floor) && floor < new Version(13, 3))
        {
            problems.Add(newLapack.Mark.Problem($"'accelerate.new-lapack' needs macOS 13.3 or later (ACCELERATE_NEW_LAPACK), but target.min-os is {minOs}; raise min-os or set new-lapack: false"));
        }

        // contraction mode compiles against a macro only tfwheel's patch defines; without it the build "succeeds" unchanged.
        var mode = tree.Scalar("accelerate.mode");
        if (recipe.Accelerate is { Enabled: true, Mode: AccelerateMode.Contraction or AccelerateMode.Both } && mode is not null
            && !recipe.Patches.Any(p => File.ReadAllText(p).Contains(AccelerateOptions.ContractionMacro, StringComparison.Ordinal)))
        {
            problems.Add(mode.Mark.Problem($"accelerate.mode '{mode.Text}' needs a patch that adds {AccelerateOptions.ContractionMacro}; add ../patches/tf-2.20/0001-accelerate-contraction.patch (or your own) to 'patches'"));
        }
    }

    internal void CheckEnvironment(string path)
    {
        foreach (var entry in tree.Entries(path))
        {
            if (!EnvName().IsMatch(entry.Key.Text))
            {
                problems.Add(entry.Key.Mark.Problem($"'{entry.Key.Text}' in '{path}' is not an environment variable name (letters, digits and '_', not starting with a digit)"));
            }

            var value = (RecipeScalar)entry.Value;
            if (SecretRules.LooksLikeSecretName(entry.Key.Text))
            {
                problems.Add(value.Mark.Problem(SecretRules.SecretEnvMessage($"{path}.{entry.Key.Text}")));
                continue;
            }

            if (!IsOneLine(value.Text))
            {
                problems.Add(value.Mark.Problem($"'{path}.{entry.Key.Text}' must not contain a newline or NUL"));
            }

            CheckPlaceholders(value, problems);
        }
    }

    internal void Matches(string path, Func<string, bool> isValid, string rule)
    {
        if (tree.Scalar(path) is { } scalar && !isValid(scalar.Text))
        {
            problems.Add(scalar.Mark.Problem($"'{path}' {rule}, got '{Printable(scalar.Text)}'"));
        }
    }

    internal void Each(string path, Func<string, bool> isValid, string rule)
    {
        foreach (var item in tree.Items(path).Where(i => !isValid(i.Text)))
        {
            problems.Add(item.Mark.Problem($"'{Printable(item.Text)}' in '{path}': {rule}"));
        }
    }

    private void Positive(string path) => Matches(path, v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) > 0, "must be greater than 0");

    /// <summary>A URL with user:password@ carries a credential; the value is not echoed because it is a secret.</summary>
    internal void Secret(string path)
    {
        if (tree.Scalar(path) is { } scalar && SecretRules.HasCredentials(scalar.Text))
        {
            problems.Add(scalar.Mark.Problem(SecretRules.CredentialMessage(path)));
        }
    }

    /// <summary>The value as a message may show it: escapes made visible, and never a URL carrying credentials.</summary>
    internal static string Printable(string value) => SecretRules.HasCredentials(value) ? "(not shown: it contains credentials)" : value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RecipeName();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex CommitPin();

    [GeneratedRegex(@"^\d+\.\d+(\.\d+)?([-.+]?[A-Za-z0-9.]+)?$")]
    private static partial Regex TfVersion();

    [GeneratedRegex(@"^3\.\d{1,2}$")]
    private static partial Regex PythonVersion();

    [GeneratedRegex(@"^\d+\.\d+(\.\d+)?$")]
    private static partial Regex MinOsVersion();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]*$")]
    private static partial Regex WheelName();

    [GeneratedRegex(@"^[A-Za-z0-9.+_-]*$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();

    private static void CheckPlaceholders(RecipeScalar? value, List<RecipeProblem> problems)
    {
        foreach (var key in RecipePlaceholders.KeysIn(value?.Text ?? "").Where(k => !RecipePlaceholders.Known.Contains(k)))
        {
            problems.Add(value!.Mark.Problem(
                $"unknown placeholder '{{{key}}}' (known: {string.Join(", ", RecipePlaceholders.Known.Select(k => "{" + k + "}"))})" + DidYouMean.Hint(key, RecipePlaceholders.Known)));
        }
    }
}
