using Cake.Core.Diagnostics;
using Tfwheel.Errors;

namespace Cake.Frosting;

/// <summary>
/// The command line, parsed the way Cake runners read it: the host's own options (--target, --verbosity,
/// --dryrun, --tree, --description, --exclusive, --working, --version, --help) plus any <c>--name=value</c>
/// (or <c>--name value</c>, or a bare <c>--flag</c> meaning true), all of which tasks read through
/// <c>context.Argument(name)</c>. Names are case-insensitive, values may repeat (<c>--set a=1 --set b=2</c>).
/// </summary>
internal sealed record HostArguments(IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    public static HostArguments Parse(IEnumerable<string> args)
    {
        var tokens = args.ToList();
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-') || token is "-" or "--")
            {
                throw new UsageException(
                    $"unexpected argument '{token}': tfwheel takes options only, as --name=value (e.g. --target=Plan --recipe=macos-arm64). Run with --help for the list.");
            }

            var body = token.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            string name, value;
            if (eq >= 0)
            {
                (name, value) = (body[..eq], body[(eq + 1)..]);
            }
            else if (!IsFlag(body) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
            {
                (name, value) = (body, tokens[++i]);
            }
            else
            {
                (name, value) = (body, "true");
            }

            pairs.Add(new(Canonical(name), value));
        }

        var parsed = new HostArguments(pairs);
        _ = parsed.Verbosity; // a bad --verbosity is a usage error now, not when the log is first created
        return parsed;
    }

    public IReadOnlyList<string> Targets =>
        Values("target") is { Count: > 0 } targets ? targets : ["Default"];

    public bool DryRun => Flag("dryrun");

    public bool Tree => Flag("tree");

    public bool Description => Flag("description");

    public bool Exclusive => Flag("exclusive");

    public bool Version => Flag("version");

    public bool Help => Flag("help");

    public string? WorkingDirectory => Values("working").LastOrDefault();

    /// <summary>
    /// --verbosity, or Normal. With --format=json and no --verbosity the default is Quiet, so that stdout
    /// carries the JSON document alone (errors still go to stderr) and `... --format=json > plan.json` works.
    /// </summary>
    public Verbosity Verbosity => Values("verbosity").LastOrDefault() is { } text
        ? ParseVerbosity(text)
        : Values("format").LastOrDefault()?.Equals("json", StringComparison.OrdinalIgnoreCase) == true ? Verbosity.Quiet : Verbosity.Normal;

    public IReadOnlyList<string> Values(string name) =>
        [.. Pairs.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value)];

    public ILookup<string, string> ToLookup() => Pairs.ToLookup(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private bool Flag(string name) => Values(name).LastOrDefault() is { } v && !v.Equals("false", StringComparison.OrdinalIgnoreCase);

    // Host switches never take a separate value, so "--dryrun --target=X" and "--tree Plan" parse as people mean.
    private static bool IsFlag(string name) =>
        Canonical(name) is "dryrun" or "tree" or "description" or "exclusive" or "version" or "help";

    private static string Canonical(string name) => name.ToLowerInvariant() switch
    {
        "t" => "target",
        "v" => "verbosity",
        "w" => "working",
        "e" => "exclusive",
        "h" or "?" => "help",
        "noop" or "whatif" => "dryrun",
        "showtree" => "tree",
        "descriptions" or "showdescription" or "showdescriptions" => "description",
        "ver" => "version",
        var other => other,
    };

    private static Verbosity ParseVerbosity(string text) => text.ToLowerInvariant() switch
    {
        "q" or "quiet" => Verbosity.Quiet,
        "m" or "minimal" => Verbosity.Minimal,
        "n" or "normal" => Verbosity.Normal,
        "v" or "verbose" => Verbosity.Verbose,
        "d" or "diagnostic" => Verbosity.Diagnostic,
        _ => throw new UsageException($"--verbosity={text}: not a verbosity. Use quiet, minimal, normal, verbose or diagnostic."),
    };
}
