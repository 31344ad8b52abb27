using Cake.Core;
using Tfwheel.Errors;
using Tfwheel.Reporting;

namespace Tfwheel;

/// <summary>
/// Every option a run takes from its command line, read and validated once (tasks never read arguments
/// themselves). A bad value is a usage error (exit 2) naming the option; an unknown option is a warning
/// with the closest known name. Flags that change the recipe (--python) become overrides after --set.
/// </summary>
public sealed record BuildOptions
{
    /// <summary>tfwheel's own options, as README's table lists them.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "recipe", "set", "python", "format", "wheel", "source-dir", "artifacts-dir", "workloads", "system-site-packages",
        "require-archs", "allow-universal", "cpu", "require-frameworks", "max-size-mb", "allow-unverified", "replace-assets", "source",
    ];

    /// <summary>The Cake host's options (Cake.Cli), which a run may also carry.</summary>
    public static IReadOnlyList<string> HostOptions { get; } =
    [
        "target", "t", "verbosity", "v", "dryrun", "noop", "whatif", "tree", "showtree", "description", "descriptions",
        "exclusive", "e", "working", "w", "help", "h", "version", "info", "debug", "d", "showdescription",
    ];

    public string? Recipe { get; init; }

    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>A version ("3.12", the recipe's python) or an interpreter (a path or command for Smoke and Doctor).</summary>
    public string? Python { get; init; }

    public ReportFormat Format { get; init; } = ReportFormat.Text;

    public string? Wheel { get; init; }

    public string? SourceDir { get; init; }

    public string? ArtifactsDir { get; init; }

    /// <summary>--workloads=a,b: Smoke only these.</summary>
    public IReadOnlyList<string>? Workloads { get; init; }

    public bool SystemSitePackages { get; init; }

    /// <summary>Verify overrides; null when not given.</summary>
    public IReadOnlyList<string>? RequireArchs { get; init; }

    public bool? AllowUniversal { get; init; }

    /// <summary>--cpu=NAME[,NAME]: the CPU Verify's instruction-set audit holds the binaries to.</summary>
    public IReadOnlyList<string>? Cpus { get; init; }

    public IReadOnlyList<string>? RequireFrameworks { get; init; }

    public int? MaxSizeMb { get; init; }

    public bool AllowUnverified { get; init; }

    public bool ReplaceAssets { get; init; }

    /// <summary>Clean: also the fetched tree.</summary>
    public bool Source { get; init; }

    /// <summary>The host's --exclusive: run the target without its dependencies.</summary>
    public bool Exclusive { get; init; }

    /// <summary>Options neither tfwheel nor the host knows, each with a did-you-mean hint, for a warning.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public static BuildOptions From(ICakeArguments arguments)
    {
        var all = arguments.GetArguments();
        string? Last(string name) => arguments.HasArgument(name) ? arguments.GetArguments(name).LastOrDefault() : null;
        return new BuildOptions
        {
            Recipe = Last("recipe"),
            Sets = arguments.HasArgument("set") ? [.. arguments.GetArguments("set")] : [],
            Python = PythonOption(Last("python")),
            Format = Last("format")?.ToLowerInvariant() switch
            {
                null or "text" => ReportFormat.Text,
                "json" => ReportFormat.Json,
                var other => throw new UsageException($"--format={other}: use text or json."),
            },
            Wheel = Last("wheel"),
            SourceDir = Last("source-dir"),
            ArtifactsDir = Last("artifacts-dir"),
            Workloads = List("workloads", Last("workloads")),
            SystemSitePackages = Flag("system-site-packages", Last("system-site-packages")) ?? false,
            RequireArchs = List("require-archs", Last("require-archs")),
            AllowUniversal = Flag("allow-universal", Last("allow-universal")),
            Cpus = List("cpu", Last("cpu")),
            RequireFrameworks = List("require-frameworks", Last("require-frameworks")),
            MaxSizeMb = PositiveInt("max-size-mb", Last("max-size-mb")),
            AllowUnverified = Flag("allow-unverified", Last("allow-unverified")) ?? false,
            ReplaceAssets = Flag("replace-assets", Last("replace-assets")) ?? false,
            Source = Flag("source", Last("source")) ?? false,
            Exclusive = Flag("exclusive", Last("exclusive") ?? Last("e")) ?? false,
            Unknown = all.Keys
                .Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase) && !HostOptions.Contains(k, StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(k => $"--{k}" + DidYouMean.Hint(k, Known))
                .ToList(),
        };
    }

    /// <summary>A bare flag (--source) is on; =true/=false/=1/=0/=yes/=no say so; anything else is a usage error.</summary>
    private static bool? Flag(string name, string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "" or "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new UsageException($"--{name}={value}: a flag takes no value, or true/false."),
    };

    /// <summary>
    /// Versions ("3.12", "3.11,3.12") or an interpreter. Text of digits, dots, commas and spaces that is not a clean
    /// version list ("3.11,", "3.11, 3.12", ",") is a slip, not an interpreter named "3.11,": refused here.
    /// </summary>
    private static string? PythonOption(string? value) =>
        value is null || RecipeResolver.IsVersion(value) || !value.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' ')
            ? value
            : throw new UsageException($"--python={value}: give versions separated by commas without spaces, e.g. --python=3.11,3.12, or the path of an interpreter.");

    private static int? PositiveInt(string name, string? value) =>
        value is null ? null
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new UsageException($"--{name}={value}: expected a whole number greater than 0, e.g. --{name}=600.");

    private static IReadOnlyList<string>? List(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new UsageException($"--{name}: give a comma-separated list, e.g. --{name}=a,b.");
    }
}
