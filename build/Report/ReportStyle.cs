namespace Tfwheel.Report;

/// <summary>The report's one stylesheet, inline: the page loads nothing from outside (system fonts only).</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --accent: #0969da; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
        header { padding: 20px 32px 16px; border-bottom: 1px solid var(--line); background: var(--soft); }
        header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
        header .sub { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
        main { padding: 8px 32px 40px; max-width: 1180px; }
        h2 { font-size: 17px; font-weight: 600; margin: 28px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 14px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; background: #fff; min-width: 150px; }
        .card .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .v { font-size: 17px; font-weight: 600; overflow-wrap: anywhere; }
        .badge { display: inline-block; border-radius: 999px; padding: 0 10px; font-size: 13px; font-weight: 600; color: #fff; }
        .badge.ok { background: var(--ok); } .badge.bad { background: var(--bad); } .badge.none { background: #8c959f; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
        th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--soft); font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.more { color: var(--muted); font-style: italic; }
        table.facts td:first-child { white-space: nowrap; width: 1%; color: var(--muted); font-weight: 600; }
        code { font: 12px/1.4 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; background: var(--soft); padding: 1px 4px; border-radius: 4px; }
        pre { font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow: auto; max-height: 480px; }
        .note { color: var(--muted); }
        .problem { color: var(--bad); }
        .sev-error { color: var(--bad); font-weight: 600; } .sev-warning { color: #9a6700; font-weight: 600; } .sev-info { color: var(--muted); }
        .timeline { display: block; max-width: 100%; height: auto; margin: 8px 0 4px; }
        .timeline .band { fill: #f6f8fa; } .timeline .band2 { fill: #eef1f4; }
        .timeline .phase { font-size: 10px; fill: var(--muted); }
        .timeline .lane { font-size: 11px; fill: var(--fg); font-weight: 600; } .timeline .small { font-weight: 400; fill: var(--muted); }
        .timeline .cp { fill: #cf222e; }
        .timeline .axis { stroke: #8c959f; stroke-width: 1; }
        .timeline .tick { font-size: 10px; fill: var(--muted); text-anchor: middle; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12px; color: var(--muted); }
        .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .bar { display: inline-block; height: 8px; background: var(--accent); border-radius: 2px; vertical-align: middle; }
        """;
}
