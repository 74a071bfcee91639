using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Within-prompt win rates for prompts with different numbers of completions.</summary>
public sealed class PromptWinRatesTests
{
    private static TokenizedSequence Item(int prompt, int completion) => TokenizedSequence.PromptCompletion([1, prompt], [completion, 2]);

    [Fact]
    public void Groups_of_different_sizes_get_the_mean_bradley_terry_probability_over_their_other_completions()
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 4);
        IReadOnlyList<IReadOnlyList<TokenizedSequence>> groups =
            [[Item(5, 10), Item(5, 11), Item(5, 12)], [Item(6, 20), Item(6, 21)], [Item(7, 30), Item(7, 31), Item(7, 32)]];
        var rates = PromptWinRates.Compute(model, groups, batchSize: 2);
        // Plain doubles: a scalar head's preference is σ(r_i − r_j), w_i = mean over j ≠ i. The rewards come from other
        // float32 batches (padding differs): each is off by ≤ δ, a difference by 2δ, and σ is ¼-Lipschitz; then ≤ 8 float32
        // roundings of the mean of probabilities. Using σ(r_j − r_i) instead gives 1 − w_i, far off unless w_i ≈ ½.
        for (var b = 0; b < groups.Count; b++)
        {
            var r = RewardScorer.Score(model, groups[b]);
            var tolerance = FloatTolerance.Reward(model, 4, r.Max(Math.Abs)) / 2 + FloatTolerance.Of(TorchSharp.torch.ScalarType.Float32, 8, 1);
            Assert.Equal(groups[b].Count, rates[b].Length);
            for (var i = 0; i < r.Length; i++)
            {
                var expected = Enumerable.Range(0, r.Length).Where(j => j != i).Average(j => 1 / (1 + Math.Exp(r[j] - r[i])));
                Assert.Equal(expected, rates[b][i], tolerance);
            }
        }
    }

    [Fact]
    public void A_prompt_with_one_completion_has_nothing_to_compare_against()
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 4);
        var error = Assert.Throws<ArgumentException>(() => PromptWinRates.Compute(model, [[Item(5, 10), Item(5, 11)], [Item(6, 20)]]));
        Assert.Contains("prompt 1 has 1 completion(s)", error.Message);
        Assert.Contains("at least 2", error.Message);
    }
}
