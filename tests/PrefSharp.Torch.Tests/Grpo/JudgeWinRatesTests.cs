using PrefSharp.Core.Judging;
using PrefSharp.Torch.Rewards.Pairwise;

namespace PrefSharp.Torch.Tests.Grpo;

public class JudgeWinRatesTests
{
    /// <summary>Prefers the longer text; equal lengths tie. Counts calls.</summary>
    private sealed class LengthJudge : IPairwiseJudge
    {
        public int Calls;

        public Task<PairwiseJudgement> CompareAsync(string prompt, string first, string second, CancellationToken cancellation = default)
        {
            Interlocked.Increment(ref Calls);
            var p = first.Length > second.Length ? 1.0 : first.Length < second.Length ? 0.0 : 0.5;
            return Task.FromResult(new PairwiseJudgement(p, ""));
        }
    }

    [Fact]
    public async Task Judge_is_asked_every_pair_once_and_win_rates_follow()
    {
        // Group "aaa", "a", "bb", "cc": aaa beats all (1); a loses all (0); bb: beats a, ties cc, loses aaa → 1.5/3 = 0.5.
        var judge = new LengthJudge();
        var rates = await JudgeWinRates.ComputeAsync(judge, ["p", "q"], [["aaa", "a", "bb", "cc"], ["x", "y", "z", "w"]]);
        Assert.Equal(new double[] { 1, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 }, rates.data<double>().ToArray());
        Assert.Equal(2 * 6, judge.Calls);   // G(G − 1)/2 = 6 per prompt
    }
}
