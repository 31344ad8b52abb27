using System.Globalization;

namespace Tfwheel.Report;

/// <summary>
/// The build timeline as inline SVG (no script): Bazel's phases as bands, the critical path on its own row,
/// then the longest actions packed into rows by time (a row per slot that was busy, not per Bazel thread),
/// coloured by kind; each bar's tooltip is its name and duration. Bounded by <see cref="MaxLanes"/> rows and
/// the profile's kept actions.
/// </summary>
public static class TimelineSvg
{
    public const int MaxLanes = 40;
    public const int Width = 1100;
    private const int PlotLeft = 104;
    private const int PlotRight = Width - 16;
    private const int LaneHeight = 10;
    private const int LaneGap = 3;
    private static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#59a14f", "#76b7b2", "#edc948", "#b07aa1", "#9c755f", "#ff9da7"];
    private static readonly double[] Steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    /// <summary>The colour of a kind of action: the kinds with the most total time get the palette, the rest grey.</summary>
    public static string ColorOf(TraceProfile profile, string kind)
    {
        for (var i = 0; i < profile.Kinds.Count && i < Palette.Length; i++)
        {
            if (profile.Kinds[i].Kind == kind)
            {
                return Palette[i];
            }
        }

        return "#bab0ac";
    }

    public static void Write(TextWriter svg, TraceProfile profile)
    {
        var wall = Math.Max(1, profile.WallMicros);
        double Px(long micros) => PlotLeft + ((double)(micros - profile.StartMicros) / wall * (PlotRight - PlotLeft));
        string X(long micros) => F(Px(micros));
        string W(long micros) => F(Math.Max(1.0, (double)micros / wall * (PlotRight - PlotLeft)));

        var (lanes, hidden) = Pack(profile.Longest);
        var lanesTop = 50;
        var axisY = lanesTop + (Math.Max(1, lanes.Count) * (LaneHeight + LaneGap)) + 6;
        var height = axisY + 26;
        svg.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"build timeline\">");

        // Phase bands, alternately shaded, labelled where there is room.
        for (var i = 0; i < profile.Phases.Count; i++)
        {
            var phase = profile.Phases[i];
            var end = i + 1 < profile.Phases.Count ? profile.Phases[i + 1].AtMicros : profile.EndMicros;
            var px = (double)(end - phase.AtMicros) / wall * (PlotRight - PlotLeft);
            svg.Write($"<rect x=\"{X(phase.AtMicros)}\" y=\"0\" width=\"{F(Math.Max(0, px))}\" height=\"{axisY}\" class=\"{(i % 2 == 0 ? "band" : "band2")}\"><title>{Html.Text(phase.Name)}</title></rect>");
            var chars = (int)(px / 6);
            if (chars >= 4)
            {
                var label = phase.Name.Length <= chars ? phase.Name : phase.Name[..(chars - 1)] + "…";
                svg.Write($"<text x=\"{F(Px(phase.AtMicros) + 3)}\" y=\"13\" class=\"phase\">{Html.Text(label)}</text>");
            }
        }

        svg.Write($"<text x=\"4\" y=\"37\" class=\"lane\">critical path</text>");
        foreach (var c in profile.CriticalPath)
        {
            svg.Write($"<rect x=\"{X(c.StartMicros)}\" y=\"27\" width=\"{W(c.DurationMicros)}\" height=\"14\" rx=\"2\" class=\"cp\"><title>{Html.Text(c.Label)} — {Html.Text(Html.Duration(c.DurationMicros / 1e6))}</title></rect>");
        }

        svg.Write($"<text x=\"4\" y=\"{lanesTop + 9}\" class=\"lane\">actions</text>");
        if (hidden > 0)
        {
            svg.Write($"<text x=\"4\" y=\"{lanesTop + 22}\" class=\"lane small\">+{hidden} not drawn</text>");
        }

        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var y = lanesTop + (lane * (LaneHeight + LaneGap));
            foreach (var a in lanes[lane])
            {
                svg.Write($"<rect x=\"{X(a.StartMicros)}\" y=\"{y}\" width=\"{W(a.DurationMicros)}\" height=\"{LaneHeight}\" fill=\"{ColorOf(profile, a.Kind)}\"><title>{Html.Text(a.Name)} — {Html.Text(Html.Duration(a.DurationMicros / 1e6))}</title></rect>");
            }
        }

        WriteAxis(svg, wall, axisY, micros => X(profile.StartMicros + micros));
        svg.WriteLine("</svg>");
    }

    private static void WriteAxis(TextWriter svg, long wall, int axisY, Func<long, string> x)
    {
        svg.Write($"<line x1=\"{PlotLeft}\" y1=\"{axisY}\" x2=\"{PlotRight}\" y2=\"{axisY}\" class=\"axis\"/>");
        var seconds = wall / 1e6;
        var step = Steps.FirstOrDefault(s => seconds / s <= 10, Math.Ceiling(seconds / 10 / 86400) * 86400);
        for (var t = 0.0; t <= seconds + 1e-9; t += step)
        {
            var at = x((long)(t * 1e6));
            svg.Write($"<line x1=\"{at}\" y1=\"{axisY}\" x2=\"{at}\" y2=\"{axisY + 4}\" class=\"axis\"/><text x=\"{at}\" y=\"{axisY + 16}\" class=\"tick\">{Html.Text(Tick(t))}</text>");
        }
    }

    private static string Tick(double t) => t switch
    {
        < 1 when t > 0 => string.Create(CultureInfo.InvariantCulture, $"{t:0.#}s"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{t:0}s"),
        < 3600 => t % 60 == 0 ? $"{(int)(t / 60)}m" : $"{(int)(t / 60)}m{(int)(t % 60):00}s",
        _ => t % 3600 == 0 ? $"{(int)(t / 3600)}h" : $"{(int)(t / 3600)}h{(int)(t % 3600 / 60):00}m",
    };

    /// <summary>Greedy interval packing: each action goes to the first row free at its start.</summary>
    private static (List<List<TraceAction>> Lanes, int Hidden) Pack(IReadOnlyList<TraceAction> actions)
    {
        var lanes = new List<List<TraceAction>>();
        var ends = new List<long>();
        var hidden = 0;
        foreach (var a in actions.OrderBy(a => a.StartMicros))
        {
            var lane = ends.FindIndex(end => end <= a.StartMicros);
            if (lane < 0 && lanes.Count < MaxLanes)
            {
                lanes.Add([]);
                ends.Add(0);
                lane = lanes.Count - 1;
            }

            if (lane < 0)
            {
                hidden++;
                continue;
            }

            lanes[lane].Add(a);
            ends[lane] = a.EndMicros;
        }

        return (lanes, hidden);
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
