using Cake.Core.Diagnostics;
using Cake.Frosting.Hosting;

namespace Cake.Frosting.Internal;

/// <summary>
/// The command line split the way Cake.Frosting 6 splits it (cake-build/cake
/// src/Cake.Frosting/Internal/Commands/DefaultCommandSettings.cs): the host's options, with their aliases,
/// and every other <c>--name=value</c>, <c>--name value</c> or bare <c>--name</c> for the tasks. A host
/// switch given a non-boolean value (<c>--version=1.2.3</c>) is a task argument, as there. Names are
/// case-insensitive; values may repeat.
/// </summary>
internal sealed record CommandLine(HostOptions Options, IReadOnlyList<KeyValuePair<string, string?>> TaskArguments)
{
    private static readonly string[] Switches = ["dryrun", "tree", "description", "exclusive", "version", "info", "help", "no-report"];

    private static readonly string[] Valued = ["target", "verbosity", "working"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new HostOptions();
        var targets = new List<string>();
        var arguments = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith('-') || token is "-" or "--")
            {
                throw new FrostingException(
                    $"unexpected argument '{token}': the build takes options only, as --name=value or --name value. Run with --help for the list.");
            }

            var body = token.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var (given, inline) = eq >= 0 ? (body[..eq], body[(eq + 1)..]) : (body, null);
            var name = Canonical(given);
            if (Switches.Contains(name) && (inline is null || bool.TryParse(inline, out _)))
            {
                options = WithSwitch(options, name, inline is null || bool.Parse(inline));
                continue;
            }

            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : null);
            if (Valued.Contains(name))
            {
                var text = value ?? throw new FrostingException($"--{name}: needs a value, as --{name}=VALUE.");
                options = name switch
                {
                    "target" => options,
                    "verbosity" => options with { Verbosity = ParseVerbosity(text) },
                    _ => options with { WorkingDirectory = text },
                };
                if (name == "target")
                {
                    targets.Add(text);
                }

                continue;
            }

            arguments.Add(new(given, value));
        }

        return new CommandLine(targets.Count > 0 ? options with { Targets = targets } : options, arguments);
    }

    private static HostOptions WithSwitch(HostOptions options, string name, bool on) => name switch
    {
        "dryrun" => options with { DryRun = on },
        "tree" => options with { Tree = on },
        "description" => options with { Description = on },
        "exclusive" => options with { Exclusive = on },
        "version" => options with { Version = on },
        "info" => options with { Info = on },
        "help" => options with { Help = on },
        _ => options with { NoReport = on },
    };

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
        _ => throw new FrostingException($"--verbosity={text}: not a verbosity. Use quiet, minimal, normal, verbose or diagnostic."),
    };
}
