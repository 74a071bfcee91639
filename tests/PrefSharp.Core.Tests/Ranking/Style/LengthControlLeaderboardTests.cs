using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Tests.Ranking.Style;

public sealed class LengthControlLeaderboardTests
{
    /// <summary>
    /// The leaderboard's lc_win_rate is the LC GLM of the battles against the baseline, whichever side the baseline
    /// was shown on: battles with the baseline as B are read from the other side (preference 1 − ScoreA).
    /// </summary>
    [Fact]
    public void Lc_win_rate_comes_from_the_battles_against_the_baseline_on_either_side()
    {
        var random = new Random(5);
        var battles = new List<Battle>();
        var annotations = new List<LengthControlledAnnotation>();
        for (int x = 0; x < 60; x++)
            foreach (var model in new[] { "short", "long" })
            {
                double modelLength = model == "long" ? 900 + random.Next(300) : 200 + random.Next(100), baseLength = 500;
                double preference = Math.Clamp((model == "long" ? 0.6 : 0.35) + 0.2 * (random.NextDouble() - 0.5), 0, 1);
                annotations.Add(new LengthControlledAnnotation($"q{x}", model, preference, modelLength, baseLength));
                var asA = new Battle("base", model, BattleOutcome.B)
                {
                    ScoreA = 1 - preference, QuestionId = $"q{x}",
                    StyleA = new Dictionary<string, double> { ["length"] = baseLength },
                    StyleB = new Dictionary<string, double> { ["length"] = modelLength },
                };
                battles.Add(x % 2 == 0 ? asA : asA.Swapped());
            }
        var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Baseline = "base", LengthControl = true, Intervals = IntervalMethod.None });
        var expected = LengthControlledWinRate.Compute(annotations).ToDictionary(r => r.Model);
        foreach (var model in new[] { "short", "long" })
            Assert.Equal(expected[model].LengthControlledWinRate, board[model].LengthControlledWinRate!.Value, 9);
        Assert.Null(board["base"].LengthControlledWinRate);
        Assert.True(board["long"].LengthControlledWinRate < board["long"].WinRate, "length control discounts the long answers");
        Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(battles, new LeaderboardOptions { LengthControl = true }));
    }
}
