using System.Globalization;

namespace Tfwheel.Report;

/// <summary>The report's build part, from Bazel's trace profile: timeline, slowest actions, critical path, time by kind.</summary>
internal static class ReportBuildSections
{
    private const int Slowest = 20;

    public static void Write(ReportData data, TextWriter html)
    {
        html.WriteLine("<h2>Build timeline</h2>");
        if (data.Profile is not { } profile)
        {
            var why = data.Problems.TryGetValue("profile", out var problem)
                ? $"<p class=\"problem\">{Html.Text(problem)}</p>"
                : $"<p class=\"note\">No Bazel profile ({Html.Code(ReportData.ProfileFileName)}) in {Html.Code(data.Artifacts)}: run the Compile target first.</p>";
            html.WriteLine(why);
            return;
        }

        var drawn = Math.Min(profile.Longest.Count, profile.ActionCount);
        html.WriteLine($"<p class=\"note\">{Html.Text($"Wall time {Html.Duration(profile.WallMicros / 1e6)}; {profile.ActionCount:N0} actions, the {drawn:N0} longest drawn; critical path {Html.Duration(profile.CriticalPathMicros / 1e6)} in {profile.CriticalPath.Count} steps. Hover a bar for its action.")}</p>");
        TimelineSvg.Write(html, profile);
        html.Write("<div class=\"legend\"><span><i style=\"background:#cf222e\"></i>critical path</span>");
        foreach (var kind in profile.Kinds.Take(8))
        {
            html.Write($"<span><i style=\"background:{TimelineSvg.ColorOf(profile, kind.Kind)}\"></i>{Html.Text(kind.Kind)}</span>");
        }

        html.WriteLine(profile.Kinds.Count > 8 ? "<span><i style=\"background:#bab0ac\"></i>other</span></div>" : "</div>");

        html.WriteLine("<h2>Slowest actions</h2>");
        var slowest = profile.Longest.OrderByDescending(a => a.DurationMicros).Take(Slowest).ToList();
        var max = Math.Max(1, slowest.FirstOrDefault()?.DurationMicros ?? 1);
        Html.Table(html, ["#", "action", "kind", "started", "duration", ""], slowest.Select((a, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            Html.Text(a.Name),
            Html.Text(a.Kind),
            Html.Text("+" + Html.Duration((a.StartMicros - profile.StartMicros) / 1e6)),
            Html.Text(Html.Duration(a.DurationMicros / 1e6)),
            Bar(a.DurationMicros, max),
        ]));

        html.WriteLine("<h2>Critical path</h2>");
        var path = Math.Max(1, profile.CriticalPathMicros);
        Html.Table(html, ["step", "duration", "share"], profile.CriticalPath.Select(c => (IReadOnlyList<string>)
        [
            Html.Text(c.Label),
            Html.Text(Html.Duration(c.DurationMicros / 1e6)),
            Bar(c.DurationMicros, path) + Html.Text($" {100.0 * c.DurationMicros / path:0}%"),
        ]));

        html.WriteLine("<h2>Time by kind of action</h2>");
        Html.Table(html, ["kind", "actions", "busy time"], profile.Kinds.Select(k => (IReadOnlyList<string>)
        [
            $"<i class=\"swatch\" style=\"display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:{TimelineSvg.ColorOf(profile, k.Kind)}\"></i>{Html.Text(k.Kind)}",
            Html.Text(k.Count.ToString("N0", CultureInfo.InvariantCulture)),
            Html.Text(Html.Duration(k.TotalMicros / 1e6)),
        ]));
    }

    private static string Bar(long value, long max) =>
        $"<span class=\"bar\" style=\"width:{Math.Max(1, (int)(160.0 * value / max))}px\"></span>";
}
