using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tfwheel.Pipeline;

/// <summary>
/// Rewrites absolute paths in a JSON document that gets published (manifest.json), so it carries no user name or
/// machine layout: a path inside the project becomes relative to it ("patches/x.patch", "." for the project
/// itself); any other path in the home directory becomes "~/…". Paths are recognised in every string, at its
/// start or after '=', ':', ',', ';', a quote, a parenthesis or whitespace (so "--output_base=/home/me/p/.work/x"
/// becomes "--output_base=.work/x"), and only where a whole path component ends.
/// </summary>
public static class PortablePaths
{
    /// <summary>Rewrites every string in <paramref name="node"/> in place; <paramref name="home"/> null or "/" is left alone.</summary>
    public static void Rewrite(JsonNode? node, string projectRoot, string? home)
    {
        // The project first: it usually lies inside the home directory.
        var rules = new[] { Rule(projectRoot, ".", ""), Rule(home, "~", "~/") }.OfType<Func<string, string>>().ToList();
        if (rules.Count > 0)
        {
            Walk(node, text => rules.Aggregate(text, (t, rule) => rule(t)));
        }
    }

    /// <summary>Replaces <paramref name="path"/> itself with <paramref name="whole"/> and "path/…" with <paramref name="under"/> + "…".</summary>
    private static Func<string, string>? Rule(string? path, string whole, string under)
    {
        var trimmed = path?.TrimEnd('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var pattern = new Regex(@"(?<=^|[=\s:,;'""(])" + Regex.Escape(trimmed) + @"(/|(?=$|[\s:,;'"")]))", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return text => text.Contains(trimmed, StringComparison.Ordinal) ? pattern.Replace(text, m => m.Groups[1].Value == "/" ? under : whole) : text;
    }

    private static void Walk(JsonNode? node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (Rewritten(o[key], rewrite) is { } value)
                    {
                        o[key] = value;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Rewritten(a[i], rewrite) is { } value)
                    {
                        a[i] = value;
                    }
                }

                break;
        }
    }

    /// <summary>A replacement string node when <paramref name="node"/> is a string that changes; recurses into containers.</summary>
    private static JsonNode? Rewritten(JsonNode? node, Func<string, string> rewrite)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            var changed = rewrite(text);
            return changed == text ? null : JsonValue.Create(changed);
        }

        Walk(node, rewrite);
        return null;
    }
}
