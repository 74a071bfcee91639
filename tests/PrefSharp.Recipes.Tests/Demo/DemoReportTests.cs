using System.Text.Json;
using System.Text.RegularExpressions;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Tests;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Report;
using PrefSharp.Recipes.Demo.Stages;

namespace PrefSharp.Recipes.Tests.Demo;

public sealed class DemoReportTests
{
    private static DemoSummary Summary() => new()
    {
        World = "lexicon",
        Seed = 7,
        Stages =
        [
            new DemoStage
            {
                Name = "dpo", Status = DemoStageStatus.Ok, Seconds = 1.5, GoldUtility = 2.0, ProxyReward = 3.0, Kl = 0.5,
                Metrics = new Dictionary<string, double> { ["accuracy"] = 0.75 },
                Narrative = "DPO <moved> the policy.",
                Charts = [new DemoChart("Loss", "step", "loss", [DemoSeries.OfSteps("train loss", [0.69, 0.5, 0.4, 0.35])])],
            },
            new DemoStage { Name = "grpo", Status = DemoStageStatus.Ok, GoldUtility = 1.0, ProxyReward = 5.0, Kl = 2.0 },
            DemoStage.NotAvailable("sft", "not built"),
            new DemoStage { Name = "pref-grpo", Status = DemoStageStatus.Failed, Narrative = "boom" },
        ],
        Leaderboard =
        [
            new LeaderboardItem { Name = "quality-1.00", Rating = 1100, RatingLo = 1080, RatingHi = 1120, Rank = 1 },
            new LeaderboardItem { Name = "quality-0.00", Rating = 900, RatingLo = 880, RatingHi = 920, Rank = 2 },
        ],
    };

    [Fact]
    public void Summary_json_has_exactly_the_agreed_shape()
    {
        using var json = JsonDocument.Parse(Summary().ToJson());
        var root = json.RootElement;
        Assert.Equal(["world", "seed", "stages", "leaderboard"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("lexicon", root.GetProperty("world").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        var stage = root.GetProperty("stages")[0];
        Assert.Equal(["name", "status", "seconds", "gold_utility", "proxy_reward", "kl", "metrics"], stage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.75, stage.GetProperty("metrics").GetProperty("accuracy").GetDouble());
        Assert.Equal(["ok", "ok", "not-available", "failed"], root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("stages")[2].GetProperty("kl").ValueKind);
        Assert.Equal("quality-1.00", root.GetProperty("leaderboard")[0].GetProperty("name").GetString());
        Assert.Equal(1080, root.GetProperty("leaderboard")[0].GetProperty("rating_lo").GetDouble());
        var back = DemoSummary.FromJson(Summary().ToJson());
        Assert.Equal(DemoStageStatus.NotAvailable, back.Stages[2].Status);
    }

    [Fact]
    public void The_report_draws_the_leaderboard_the_over_optimisation_chart_and_each_stage_curve()
    {
        var html = HtmlReportWriter.Render(Summary());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));    // self-contained
        Assert.Equal(3, Regex.Matches(html, "<svg ").Count);                                // forest plot, gold/proxy vs KL, loss curve
        Assert.Equal(2, Regex.Matches(html, "class=\"whisker\"").Count);                    // one interval per leaderboard row
        // The over-optimisation chart: gold and proxy, one point per stage with a KL (dpo at 0.5, grpo at 2).
        var gold = Regex.Match(html, "data-series=\"gold utility\"[^>]*points=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(2, gold.Split(' ').Length);
        var loss = Regex.Match(html, "data-series=\"train loss\"[^>]*points=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(4, loss.Split(' ').Length);
        // The loss falls, so its polyline's y coordinates (SVG y grows downwards) rise.
        var ys = loss.Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys.SequenceEqual(ys.Order()));
        Assert.Contains("DPO &lt;moved&gt; the policy.", html);                              // narratives are escaped
        Assert.Contains("class=\"not-available\"", html);
        Assert.Contains("[1080.0, 1120.0]", html);
    }

    [Fact]
    public void Nice_ticks_are_round_numbers_covering_the_range()
    {
        var chart = SvgLineChart.Render(new DemoChart("t", "x", "y", [new DemoSeries("s", [0, 1, 2], [0.13, 0.71, 0.42])]));
        Assert.Contains(">0.2</text>", chart);
        Assert.Contains(">0.6</text>", chart);
    }

    [Fact]
    public void The_pipeline_writes_a_run_folder_ranks_the_quality_levels_and_records_failures()
    {
        using var folder = new TempFolder();
        var options = new DemoOptions { World = new SortingWorld(), OutputFolder = folder.Path("run"), Seed = 1, Quick = true, Prompts = 60, Annotators = "sharp:temperature=0.1" };
        var summary = DemoPipeline.Run(options, [new BestOfNStage(), new NotAvailableStage("sft", "later"), new ThrowingStage()]);
        foreach (var file in new[] { "samples.jsonl", "pairs.jsonl", "battles.jsonl", "summary.json", "report.html" })
            Assert.True(File.Exists(Path.Combine(folder.Path("run"), file)), file);
        Assert.Equal(["best-of-n", "sft", "dpo"], summary.Stages.Select(s => s.Name));
        Assert.Equal([DemoStageStatus.Ok, DemoStageStatus.NotAvailable, DemoStageStatus.Failed], summary.Stages.Select(s => s.Status));
        Assert.Contains("no trainer", summary.Stages[2].Narrative);
        // The leaderboard follows the policies' mean gold utility: the exact sorter first, Kendall τ ≥ 0.8 (at most one
        // discordant pair of 10; with 60 prompts the two worst levels, mean gold 0.46 and 0.55, may swap).
        Assert.Equal("quality-1.00", summary.Leaderboard[0].Name);
        var items = summary.Leaderboard;
        var concordant = 0;
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
                concordant += Math.Sign(items[i].Rating - items[j].Rating) * Math.Sign(summary.PolicyGold[items[i].Name] - summary.PolicyGold[items[j].Name]);
        Assert.True(concordant / 10.0 >= 0.8, $"Kendall τ {concordant / 10.0}");
        Assert.Equal(summary.ToJson(), File.ReadAllText(Path.Combine(folder.Path("run"), "summary.json")).TrimEnd());
    }

    [Fact]
    public void A_leaderboard_and_chart_left_by_an_end_stage_replace_the_demonstrations_board_in_summary_and_report()
    {
        using var folder = new TempFolder();
        var options = new DemoOptions { World = new SortingWorld(), OutputFolder = folder.Path("run"), Seed = 1, Quick = true, Prompts = 30 };
        var summary = DemoPipeline.Run(options, [new BestOfNStage(), new EndStage()]);
        Assert.Equal(["policy-a", "policy-b"], summary.Leaderboard.Select(i => i.Name));
        Assert.Equal(0.9, summary.PolicyGold["policy-a"]);
        var html = File.ReadAllText(Path.Combine(folder.Path("run"), "report.html"));
        Assert.Contains("two made-up policies", html);
        Assert.Contains("aria-label=\"end chart\"", html);
        Assert.Contains("quality-1.00", summary.DataNotes[2]);                 // the demonstrations' own order stays in the notes
    }

    /// <summary>Leaves a two-policy leaderboard (a beat b 3–1), its gold and note, and the over-optimisation chart.</summary>
    private sealed class EndStage : IDemoStage
    {
        public string Name => "leaderboard";

        public DemoStage Run(DemoContext context)
        {
            Assert.IsAssignableFrom<IReadOnlyList<Core.Gym.Proxy.BestOfNPoint>>(context.Products.BestOfNPoints);
            Core.Data.Battle Win(string a, string b) => new(a, b, Core.Data.BattleOutcome.A);
            context.Products.PolicyLeaderboard = Core.Ranking.LeaderboardBuilder.Build(
                [Win("policy-a", "policy-b"), Win("policy-a", "policy-b"), Win("policy-a", "policy-b"), Win("policy-b", "policy-a")],
                new Core.Ranking.LeaderboardOptions { BootstrapRounds = 20 });
            context.Products.PolicyGold = new Dictionary<string, double> { ["policy-a"] = 0.9, ["policy-b"] = 0.4 };
            context.Products.LeaderboardNote = "two made-up policies";
            context.Products.OverOptimisation = new DemoChart("end chart", "KL", "score", [new DemoSeries("gold", [0, 1], [0.4, 0.9])]);
            return new DemoStage { Name = Name, Status = DemoStageStatus.Ok };
        }
    }

    private sealed class ThrowingStage : IDemoStage
    {
        public string Name => "dpo";
        public DemoStage Run(DemoContext context) => throw new InvalidOperationException("no trainer");
    }
}
