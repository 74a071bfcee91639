using System.Globalization;
using System.Text;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Evaluation.Eval;
using static System.Net.WebUtility;

namespace PrefSharp.Evaluation.Reports;

/// <summary>
/// The evaluation as one self-contained HTML page (no script, no external resource): the leaderboard with intervals,
/// win rates, length-controlled win rates and style-controlled ratings, the judge's position bias, tokens and cost, and
/// agreement with the gold utility where it is known. Every name and number is HTML-escaped.
/// </summary>
public static class EvalHtmlReport
{
    public static void Write(string path, EvalJob job, EvalResult result) => AtomicFile.WriteAllText(path, Render(job, result));

    public static string Render(EvalJob job, EvalResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>PrefSharp evaluation</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}th,td{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}")
            .Append("th:nth-child(2),td:nth-child(2){text-align:left}caption{text-align:left;color:#555;padding:.4rem 0}")
            .Append("</style></head><body>\n<h1>PrefSharp evaluation</h1>\n");
        Paragraph(html, $"{job.Models.Count} models answered {job.Prompts.Count} prompts; judge {job.JudgeModel} compared each with the baseline {job.Baseline} in both orders.");
        Leaderboard(html, result, job.Baseline);
        if (result.Gold is { } gold)
            Paragraph(html, Invariant($"Kendall τ between the ratings and the models' mean gold utility: {gold.Tau:F3} (style-controlled: {gold.StyleControlledTau:F3}; 1 is the true order)."));
        html.Append("<h2>Judge</h2>\n");
        var run = result.Judging;
        Paragraph(html, Invariant($"{run.Questions} questions: {run.Asked} asked, {run.Cached} from the cache, {run.Unparseable} without a verdict, {run.Errors} failed. Tokens in {run.InputTokens:N0}, out {run.OutputTokens:N0}")
            + (result.CostUsd is { } cost ? Invariant($"; cost ${cost:F4}.") : "."));
        Paragraph(html, Invariant($"Position bias: the winner changes with the order in {result.Bias.Changed} of {result.Bias.Pairs} pairs ({Percent(result.Bias.ChangedFraction)}); the first response wins {Percent(result.Bias.FirstWinRate)} of decisive verdicts."));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Leaderboard(StringBuilder html, EvalResult result, string baseline)
    {
        var gold = result.Gold?.MeanGold;
        html.Append("<table><caption>Bradley–Terry ratings (Elo scale) with ").Append(HtmlEncode(IntervalName(result.Ratings)))
            .Append("; win rates against ").Append(HtmlEncode(baseline)).Append("</caption>\n<thead><tr><th>rank</th><th>model</th><th>rating</th><th>interval</th>")
            .Append("<th>win rate %</th><th>LC win rate %</th><th>style-controlled</th>").Append(gold is null ? "" : "<th>mean gold</th>")
            .Append("<th>battles</th></tr></thead><tbody>\n");
        foreach (var item in result.Ratings.Items.OrderBy(i => i.Rank))
        {
            var cells = new[]
            {
                item.Rank.ToString(CultureInfo.InvariantCulture), item.Name, Number(item.Rating, "F0"),
                item.RatingLo is { } lo && item.RatingHi is { } hi ? $"{Number(lo, "F0")} – {Number(hi, "F0")}" : "",
                Number(item.WinRate, "F1"), Number(item.LengthControlledWinRate, "F1"), Number(result.StyleControlled[item.Name].Rating, "F0"),
            };
            html.Append("<tr>");
            foreach (var cell in cells) html.Append("<td>").Append(HtmlEncode(cell)).Append("</td>");
            if (gold is not null) html.Append("<td>").Append(HtmlEncode(Number(gold.GetValueOrDefault(item.Name, double.NaN), "F3"))).Append("</td>");
            html.Append("<td>").Append(item.Battles.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string IntervalName(Leaderboard board) => board.Intervals switch
    {
        IntervalMethod.Bootstrap => Invariant($"{100 * board.CiLevel:0}% bootstrap intervals ({board.BootstrapRounds} rounds)"),
        IntervalMethod.Sandwich => Invariant($"{100 * board.CiLevel:0}% sandwich intervals"),
        _ => "no intervals",
    };

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(HtmlEncode(text)).Append("</p>\n");

    private static string Percent(double fraction) => double.IsFinite(fraction) ? Invariant($"{100 * fraction:0.0}%") : "n/a";

    private static string Number(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
