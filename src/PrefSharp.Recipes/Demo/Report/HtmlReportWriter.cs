using System.Globalization;
using System.Text;
using static PrefSharp.Recipes.Demo.Report.SvgFormat;

namespace PrefSharp.Recipes.Demo.Report;

/// <summary>
/// The demo's report: one self-contained HTML file (no script, no external resource) with the data notes, the
/// leaderboard as a table and a forest plot, the over-optimisation chart (gold and proxy of each stage's policy
/// against its KL), a table of stages, and per stage a paragraph, its metrics and its own charts (training curves).
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}" +
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f4f4f4}" +
        "td:first-child,th:first-child{text-align:left}.ok{color:#227722}.failed{color:#b00}.not-available{color:#888}" +
        "svg.chart{display:block;margin:1em 0;background:#fff}h2{border-bottom:1px solid #ddd;padding-bottom:.2em}";

    public static string Render(DemoSummary summary)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>PrefSharp demo: {Escape(summary.World)}</title><style>{Style}</style></head><body>\n");
        html.Append($"<h1>PrefSharp demo: the {Escape(summary.World)} world (seed {summary.Seed})</h1>\n");
        if (summary.DataNotes.Count > 0) html.Append("<ul>").Append(string.Concat(summary.DataNotes.Select(n => $"<li>{Escape(n)}</li>"))).Append("</ul>\n");
        Leaderboard(summary, html);
        OverOptimisation(summary, html);
        Stages(summary, html);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Leaderboard(DemoSummary summary, StringBuilder html)
    {
        html.Append("<h2>Leaderboard of the policies</h2>\n");
        if (summary.Leaderboard.Count == 0) { html.Append("<p>No battles between different policies: no leaderboard.</p>\n"); return; }
        html.Append("<p>Bradley–Terry ratings fitted to the simulated judgements, with bootstrap intervals. If the annotators track the gold utility, ")
            .Append("the order of the ratings follows the mean gold utility of each policy's responses (last column).");
        if (summary.LeaderboardNote.Length > 0) html.Append(' ').Append(Escape(summary.LeaderboardNote));
        html.Append("</p>\n");
        html.Append("<table><tr><th>policy</th><th>rank</th><th>rating</th><th>interval</th><th>win rate vs baseline (%)</th><th>battles</th><th>mean gold utility</th></tr>\n");
        foreach (var item in summary.Leaderboard)
        {
            var interval = item.RatingLo is { } lo && item.RatingHi is { } hi ? $"[{F(lo, 1)}, {F(hi, 1)}]" : "";
            var winRate = item.WinRate is { } w ? $"{F(w, 1)} [{F(item.WinRateLo ?? w, 1)}, {F(item.WinRateHi ?? w, 1)}]" : "";
            var gold = summary.PolicyGold.TryGetValue(item.Name, out var g) ? F(g, 3) : "";
            html.Append($"<tr><td>{Escape(item.Name)}</td><td>{item.Rank}</td><td>{F(item.Rating, 1)}</td><td>{interval}</td><td>{winRate}</td><td>{item.Battles}</td><td>{gold}</td></tr>\n");
        }
        html.Append("</table>\n").Append(SvgIntervalChart.Render(summary.Leaderboard, "Elo")).Append('\n');
    }

    private static void OverOptimisation(DemoSummary summary, StringBuilder html)
    {
        html.Append("<h2>Gold utility, proxy reward and KL</h2>\n");
        if (summary.OverOptimisation is { } chart)
        {
            html.Append("<p>Optimising a learned (proxy) reward moves the policy away from its reference (KL, in nats). The proxy keeps rising with KL; ")
                .Append("the gold utility rises at first and then, once the proxy is exploited, falls (Gao et al. 2023). Best-of-n picks (KL_bon from the ")
                .Append("demonstrations) and every trained policy (KL from the SFT policy, estimated from its samples) are scored by the same proxy.</p>\n")
                .Append(SvgLineChart.Render(chart)).Append('\n');
            return;
        }
        var points = summary.Stages.Where(s => s is { Status: DemoStageStatus.Ok, Kl: not null }).OrderBy(s => s.Kl).ToList();
        html.Append("<p>Optimising a learned (proxy) reward moves the policy away from its reference (KL, in nats). The proxy keeps rising with KL; ")
            .Append("the gold utility rises at first and then, once the proxy is exploited, falls (Gao et al. 2023).</p>\n");
        if (points.Count == 1)
            html.Append($"<p>So far one stage reports a KL ({Escape(points[0].Name)}); its curve is drawn in its section below.</p>\n");
        if (points.Count >= 2)
        {
            var kl = points.Select(p => p.Kl!.Value).ToArray();
            html.Append(SvgLineChart.Render(new DemoChart("Final policy of each stage", "KL from the reference (nats)", "score",
            [
                new DemoSeries("gold utility", kl, points.Select(p => p.GoldUtility ?? double.NaN).ToArray()),
                new DemoSeries("proxy reward", kl, points.Select(p => p.ProxyReward ?? double.NaN).ToArray()),
            ]))).Append('\n');
        }
        if (points.Count == 0) html.Append("<p><em>No stage reported a KL yet.</em></p>\n");
    }

    private static void Stages(DemoSummary summary, StringBuilder html)
    {
        html.Append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>status</th><th>seconds</th><th>gold utility</th><th>proxy reward</th><th>KL</th></tr>\n");
        foreach (var stage in summary.Stages)
        {
            var status = DemoPipeline.StatusName(stage.Status);
            html.Append($"<tr><td>{Escape(stage.Name)}</td><td class=\"{status}\">{status}</td><td>{F(stage.Seconds, 1)}</td>")
                .Append($"<td>{F(stage.GoldUtility, 3)}</td><td>{F(stage.ProxyReward, 3)}</td><td>{F(stage.Kl, 3)}</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var stage in summary.Stages)
        {
            html.Append($"<h3>{Escape(stage.Name)} <small class=\"{DemoPipeline.StatusName(stage.Status)}\">({DemoPipeline.StatusName(stage.Status)})</small></h3>\n");
            html.Append($"<p>{Escape(stage.Narrative.Length > 0 ? stage.Narrative : "No description.")}</p>\n");
            if (stage.Metrics.Count > 0)
                html.Append("<p>").Append(string.Join("; ", stage.Metrics.Select(m => $"{Escape(m.Key)} = {F(m.Value, 4)}"))).Append("</p>\n");
            foreach (var chart in stage.Charts) html.Append(SvgLineChart.Render(chart)).Append('\n');
        }
    }

    private static string F(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "";
}
