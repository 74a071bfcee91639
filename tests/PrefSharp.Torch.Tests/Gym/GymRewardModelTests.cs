using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Gym;

namespace PrefSharp.Torch.Tests.Gym;

/// <summary>
/// The reward-model claims on one gym world with a small budget (the full table over all worlds is the
/// gym-reward-model benchmark). Every accuracy is against GOLD preferences on held-out prompts.
/// </summary>
public sealed class GymRewardModelTests
{
    private static readonly GymRewardOptions Budget = new() { Steps = 150, Seed = 3 };

    /// <remarks>
    /// Measured, not assumed: on lexicon the tiny model beats length clearly but does NOT beat the bag-of-words
    /// Bradley–Terry baseline at these budgets (this test: RM 0.665, length 0.511, bag-of-words 0.753; the bench's
    /// table has the other worlds), so only the length claim is asserted; the bag-of-words number is printed.
    /// </remarks>
    [Fact]
    public void A_trained_reward_model_beats_the_length_baseline_on_gold()
    {
        var experiment = new GymRewardExperiment(new LexiconWorld(), prompts: 160, seed: 2);
        var (rm, length, bag) = experiment.Accuracies(Budget);
        Console.WriteLine($"lexicon gold accuracy: rm {rm:F3}, length {length:F3}, bag-of-words {bag:F3}");
        Assert.True(rm > length + 0.05, $"rm {rm:F3} vs length {length:F3}");
    }

    /// <remarks>
    /// The issue's claim "the robust loss keeps more accuracy than plain Bradley–Terry at 20 % noise" was NOT confirmed
    /// at this budget, nor refuted: this test measures Bradley–Terry 0.614 vs de-biased 0.652, but an earlier run with 160
    /// prompts gave 0.648 vs 0.626, so the sign is within run-to-run noise (see the bench table for every world). With few steps Bradley–Terry does not yet fit the flipped labels, and the de-biased loss
    /// pays its higher variance. What is asserted is that both still learn from 20 % flipped labels; the comparison is printed.
    /// </remarks>
    [Fact]
    public void With_20_percent_flipped_labels_both_Bradley_Terry_and_the_debiased_loss_still_learn()
    {
        var experiment = new GymRewardExperiment(new LexiconWorld(), prompts: 120, seed: 2);
        var (bt, debiased) = experiment.NoisyAccuracies(0.2, Budget);
        Console.WriteLine($"lexicon gold accuracy at 20% flips: bt {bt:F3}, debiased {debiased:F3}");
        Assert.True(bt > 0.55, $"bt {bt:F3}");
        Assert.True(debiased > 0.55, $"debiased {debiased:F3}");
    }

    [Fact]
    public void A_conservative_ensemble_picks_better_gold_in_best_of_N_than_one_model()
    {
        var experiment = new GymRewardExperiment(new LexiconWorld(), prompts: 120, seed: 2);
        var curves = experiment.BestOfN(3, 60, 16, Budget with { Steps = 100 });
        Console.WriteLine(string.Join("\n", curves.Select(c => $"{c.Key}: {string.Join(" ", c.Value.Select(g => g.ToString("F3")))}")));
        Assert.Equal(curves["single"][0], curves["wco"][0], 9);      // N = 1 is a random pick for every scorer
        Assert.True(curves["wco"][^1] > curves["single"][^1], $"wco {curves["wco"][^1]:F3} vs single {curves["single"][^1]:F3} at N = 16");
    }
}
