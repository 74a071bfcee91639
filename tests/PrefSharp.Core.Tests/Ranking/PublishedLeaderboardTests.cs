using System.IO.Compression;
using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>Leaderboards of real published data: what the statistics must give, and what the publishers printed.</summary>
public class PublishedLeaderboardTests
{
    /// <summary>
    /// Arena-Hard v0.1 is a star: every battle is a model against gpt-4-0314. In a star, the Bradley–Terry score
    /// equations decouple, Σ_battles (s − σ(β_i − β_0)) = 0 for each model i, so the fitted win rate against the
    /// centre is exactly the empirical (W + T/2)/N, whatever the other models did.
    /// </summary>
    [SharedDataFact]
    public void Arena_hard_star_design_gives_the_empirical_win_rate_against_the_baseline()
    {
        var battles = new PreferenceFileReader(SharedData.Path("battles/arena-hard-v0.1/battles-judge-gpt4o.jsonl")).Cast<Battle>().ToList();
        var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Baseline = "gpt-4-0314", Intervals = IntervalMethod.None });
        Assert.True(board.Items.Count >= 10);
        foreach (var item in board.Items.Where(i => i.Name != "gpt-4-0314"))
        {
            var empirical = 100.0 * (item.Wins + item.Ties / 2.0) / item.Battles;
            Assert.Equal(empirical, item.WinRate!.Value, 6);
        }
    }

    /// <summary>
    /// AlpacaEval 2.0 (weighted GPT-4-turbo judge, baseline gpt4_1106_preview): the published leaderboard lists
    /// alpaca-7b at 2.59 ± 0.49 and claude-2 at 17.19 ± 1.17 (win rate ± standard error, percent). A plain reading of
    /// the annotation files (mean of preference − 1, a 0 "draw" as 0.5, sample SE) must agree to the last digit.
    /// </summary>
    [SharedDataTheory]
    [InlineData("alpaca-7b", 2.59, 0.49)]
    [InlineData("claude-2", 17.19, 1.17)]
    public void Alpaca_eval_win_rate_and_standard_error_match_the_published_leaderboard(string model, double published, double publishedSe)
    {
        var path = SharedData.Path($"pairs/alpaca-eval/{model}.json.gz");
        var battles = new PreferenceFileReader(path).Cast<Battle>().ToList();
        var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions
        {
            Baseline = "gpt4_1106_preview", DirectWinRates = true, Intervals = IntervalMethod.None,
        });
        var row = board[model];
        Assert.Equal(published, Math.Round(row.AlpacaWinRate!.Value, 2));
        Assert.Equal(publishedSe, Math.Round(row.AlpacaStandardError!.Value, 2));

        var (mean, se) = PlainAlpacaWinRate(path);
        Assert.Equal(mean, row.AlpacaWinRate.Value, 9);
        Assert.Equal(se, row.AlpacaStandardError.Value, 9);
    }

    /// <summary>The reference: read the raw JSON and apply AlpacaEval's definition in plain doubles.</summary>
    private static (double Mean, double StandardError) PlainAlpacaWinRate(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(stream);
        var wins = json.RootElement.EnumerateArray().Select(a => a.GetProperty("preference").GetDouble())
            .Select(p => p == 0 ? 0.5 : p - 1).ToList();
        var mean = wins.Average();
        var variance = wins.Sum(w => (w - mean) * (w - mean)) / (wins.Count - 1);
        return (100 * mean, 100 * Math.Sqrt(variance / wins.Count));
    }

    /// <summary>Hand-computed: scores 1, 0, ½ (A-side 0.5), ¾ (as B with ScoreA ¼) → mean 0.5625; the deviations
    /// 0.4375, −0.5625, −0.0625, 0.1875 square to 0.546875, /3 = 0.18229…, /4 → SE √0.045573 = 0.213478.</summary>
    [Fact]
    public void Direct_win_rate_is_the_mean_soft_score_with_the_sample_standard_error()
    {
        Battle[] battles =
        [
            new("m", "base", BattleOutcome.A),
            new("base", "m", BattleOutcome.A),
            new("m", "base", BattleOutcome.Tie),
            new("base", "m", BattleOutcome.B) { ScoreA = 0.25 },
            new("other", "m", BattleOutcome.A),
        ];
        var rate = DirectWinRate.Against(battles, "base")["m"];
        Assert.Equal(4, rate.Battles);
        Assert.Equal(56.25, rate.WinRate, 10);
        Assert.Equal(21.3478, rate.StandardError, 4);
    }
}
