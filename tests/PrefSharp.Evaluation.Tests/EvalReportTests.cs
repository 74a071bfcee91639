using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Evaluation.Eval;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Reports;
using PrefSharp.Evaluation.Runs;

namespace PrefSharp.Evaluation.Tests;

/// <summary>The leaderboards, gold agreement, cost and HTML report of <c>eval</c>, on hand-made battles.</summary>
public class EvalReportTests
{
    private const string Script = "<script>alert(1)</script>";

    /// <summary>Star battles against "base" with question ids and lengths: "good" wins 3 of 4, the scripted name 1 of 4.</summary>
    private static List<Battle> Battles() =>
    [
        .. new[] { BattleOutcome.A, BattleOutcome.A, BattleOutcome.A, BattleOutcome.B }.Select((o, i) => Battle("good", o, i)),
        .. new[] { BattleOutcome.A, BattleOutcome.B, BattleOutcome.B, BattleOutcome.B }.Select((o, i) => Battle(Script, o, i)),
    ];

    private static Battle Battle(string model, BattleOutcome outcome, int question) => new(model, "base", outcome)
    {
        QuestionId = $"q{question}", StyleA = Style(10 + question), StyleB = Style(12),
    };

    private static Dictionary<string, double> Style(double length) => new() { ["length"] = length, ["header_count"] = 0, ["list_count"] = 0, ["bold_count"] = 0 };

    [Fact]
    public void Gold_agreement_is_kendall_tau_of_mean_gold_against_ratings()
    {
        var (ratings, style) = EvalLeaderboards.Fit(Battles(), "base", 0, 0);
        var outputs = new[] { ("good", "3"), ("good", "1"), ("base", "1"), (Script, "0") }
            .Select((o, i) => new ModelOutput($"q{i}", "p", o.Item1, o.Item2)).ToList();
        var agreement = GoldAgreement.Of(outputs, (_, answer) => double.Parse(answer), ratings, style);

        Assert.Equal(2.0, agreement.MeanGold["good"]);
        Assert.Equal(1.0, agreement.Tau);  // good (gold 2) > base (1) > script (0), as the ratings order them
        Assert.True(ratings["good"].LengthControlledWinRate is > 50, "the length-controlled win rate of a 3-of-4 winner exceeds 50 %");
    }

    [Fact]
    public void The_report_escapes_names_and_gives_the_cost()
    {
        var (ratings, style) = EvalLeaderboards.Fit(Battles(), "base", 0, 0);
        var report = new JudgeRunReport(16, 16, 0, 0, 0, InputTokens: 2_000_000, OutputTokens: 500_000);
        Assert.Equal(2 * 0.15 + 0.5 * 0.60, report.Cost(0.15, 0.60), 12);

        var job = new EvalJob
        {
            Models = [new("good", new Uri("http://127.0.0.1:1"), "good"), new(Script, new Uri("http://127.0.0.1:1"), "s"), new("base", new Uri("http://127.0.0.1:1"), "b")],
            Prompts = [new EvalPrompt("q0", "p")], Baseline = "base", JudgeEndpoints = [new Uri("http://127.0.0.1:1")], JudgeModel = "judge",
            OutputDirectory = "unused",
        };
        var html = EvalHtmlReport.Render(job, new EvalResult(ratings, style, report, new PositionBias(8, 2, 8, 4), null, report.Cost(0.15, 0.60), 3));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("cost $0.6000", html);
        Assert.Contains("2 of 8 pairs (25.0%)", html);
    }
}
