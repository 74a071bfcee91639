using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Input;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// AlpacaEval's leaderboard lists its baseline, judged against itself (gpt4_1106_preview.json.gz: 805 annotations,
/// every preference 1.5), at a win rate of 50.0. Read with the other models' files, it gets that 50 with standard
/// error 0, and the others keep their published figures.
/// </summary>
public sealed class AlpacaEvalSelfComparisonTests
{
    private const string Baseline = "gpt4_1106_preview";

    [SharedDataFact]
    public void The_baseline_against_itself_scores_fifty_percent_and_the_others_keep_their_published_win_rates()
    {
        var input = LeaderboardInput.Read(
            [SharedData.Path($"pairs/alpaca-eval/{Baseline}.json.gz"), SharedData.Path("pairs/alpaca-eval/alpaca-7b.json.gz")],
            new ReadOptions());
        var battles = input.Battles();
        Assert.Equal(2 * 805, battles.Count);
        var options = input.Complete(new LeaderboardOptions { Intervals = IntervalMethod.None }, battles);
        Assert.Equal(Baseline, options.Baseline);

        var board = LeaderboardBuilder.Build(battles, options);

        Assert.Equal(50.0, board[Baseline].AlpacaWinRate!.Value, 12);
        Assert.Equal(0.0, board[Baseline].AlpacaStandardError!.Value, 12);
        Assert.Equal(805, board[Baseline].Battles);   // the fit saw only the 805 battles against alpaca-7b
        Assert.Equal(2.59, Math.Round(board["alpaca-7b"].AlpacaWinRate!.Value, 2));
        Assert.Equal(0.49, Math.Round(board["alpaca-7b"].AlpacaStandardError!.Value, 2));
    }
}
