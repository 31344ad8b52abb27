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
            why = CpuTargets.Names.Contains(name)
                ? $"'{RecipeRules.Printable(value.Text)}' adds a feature the audit does not know (features use gcc's names)"
                : $"unknown cpu '{RecipeRules.Printable(name)}'{DidYouMean.Hint(name, names)}";
        }

        if (why is not null)
        {
            problems.Add(value.Mark.Problem($"'{Key}' {why}. Valid names for {os} {arch}: {string.Join(", ", names)} (optionally +feature, e.g. {(arch == "x86_64" ? "x86-64-v2+avx" : "armv8.2-a+dotprod")})"));
        }
    }
}
