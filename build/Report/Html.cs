using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Tfwheel.Report;

/// <summary>
/// The few HTML pieces the report is made of. Every piece of text goes through <see cref="Text"/>: names in
/// a profile, a wheel or a recipe are input, not markup.
/// </summary>
public static class Html
{
    /// <summary>Rows a table shows before it says how many it left out (a wheel can hold thousands of binaries).</summary>
    public const int MaxRows = 200;

    /// <summary>Escapes &lt; &gt; &amp; " and ' (WebUtility.HtmlEncode), so text is safe in content and in quoted attributes.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A table: header cells as text, row cells as ready HTML (escape with <see cref="Text"/>).</summary>
    public static void Table(TextWriter html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? css = null)
    {
        html.Write(css is null ? "<table>" : $"<table class=\"{Text(css)}\">");
        if (headers.Any(h => h.Length > 0))
        {
            html.Write("<thead><tr>");
            foreach (var h in headers)
            {
                html.Write($"<th>{Text(h)}</th>");
            }

            html.Write("</tr></thead>");
        }

        html.Write("<tbody>");
        var shown = 0;
        var more = 0;
        foreach (var row in rows)
        {
            if (shown == MaxRows)
            {
                more++;
                continue;
            }

            shown++;
            html.Write("<tr>");
            foreach (var cell in row)
            {
                html.Write($"<td>{cell}</td>");
            }

            html.Write("</tr>");
        }

        if (more > 0)
        {
            html.Write($"<tr><td class=\"more\" colspan=\"{headers.Count}\">… and {more} more (see the JSON file)</td></tr>");
        }

        html.WriteLine("</tbody></table>");
    }

    public static string Code(string? text) => $"<code>{Text(text)}</code>";

    public static string Badge(bool? ok, string text) =>
        $"<span class=\"badge {(ok switch { true => "ok", false => "bad", null => "none" })}\">{Text(text)}</span>";

    /// <summary>"0.46 s", "2 min 05 s", "1 h 02 min": a duration as a person reads it.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 0 => "0 s",
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} s"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)} min {(int)(seconds % 60):00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min"),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1048576 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
    };

    /// <summary>A string property of a JSON object, "" when it is missing or not a string (the files are input too).</summary>
    public static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => "",
        } : "";

    public static double Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : 0;

    public static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static string Join(JsonElement e, string name, string separator = ", ") => string.Join(separator, Items(e, name).Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()));
}
