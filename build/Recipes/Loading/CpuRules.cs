using Tfwheel.Errors;
using Tfwheel.Reporting;
using Tfwheel.Verify.Binaries;

namespace Tfwheel.Recipes.Loading;

/// <summary>
/// target.cpu: a name <see cref="CpuTargets"/> knows, of the target's architecture, that the compilers can be told
/// (<see cref="CpuFlags"/>). Absent, it is the platform's baseline (<see cref="CpuTargets.DefaultFor"/>).
/// </summary>
internal sealed class CpuRules(RecipeTreeReader tree, List<RecipeProblem> problems)
{
    public const string Key = "target.cpu";

    /// <summary>The target with its cpu: the recipe's, else the platform's baseline.</summary>
    public static TargetPlatform Resolve(RecipeTreeReader tree, TargetPlatform target) =>
        target with { Cpu = tree.Text(Key) ?? CpuTargets.DefaultFor(target.OsName, target.ArchTag) };

    public void Check(TargetPlatform target)
    {
        var (os, arch) = (target.OsName, target.ArchTag);
        if (tree.Scalar(Key) is not { } value)
        {
            return;
        }

        var names = CpuFlags.NamesFor(os, arch);
        var name = value.Text.Trim().Split('+')[0];
        string? why;
        try
        {
            why = CpuFlags.Unusable(value.Text, os, arch);
        }
        catch (UsageException)
        {
            why = CpuTargets.Names.Contains(name) ? UnknownFeature(value.Text, name) : $"unknown cpu '{RecipeRules.Printable(name)}'{DidYouMean.Hint(name, names)}";
        }

        if (why is not null)
        {
            problems.Add(value.Mark.Problem($"'{Key}' {why}. Valid names for {os} {arch}: {string.Join(", ", names)} (optionally +feature, e.g. {(arch == "x86_64" ? "x86-64-v2+avx" : "armv8.2-a+dotprod")})"));
        }
    }

    /// <summary>The modifier the audit does not know, named, with the ones it does for that family.</summary>
    private static string UnknownFeature(string spec, string name)
    {
        var family = CpuTargets.Parse(name).Family;
        var bad = spec.Trim().Split('+').Skip(1).FirstOrDefault(f => !family.Knows(f)) ?? "";
        return $"'{RecipeRules.Printable(spec)}' adds a feature the audit does not know (features use gcc's names): "
            + $"'+{RecipeRules.Printable(bad)}' is none of {string.Join(", ", family.Names)}";
    }
}
