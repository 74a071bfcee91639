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

    [Fact]
    public void A_trained_reward_model_beats_the_length_and_bag_of_words_baselines_on_gold()
    {
        var experiment = new GymRewardExperiment(new SortingWorld(), prompts: 160, seed: 2);
        var (rm, length, bag) = experiment.Accuracies(Budget);
        Console.WriteLine($"sorting gold accuracy: rm {rm:F3}, length {length:F3}, bag-of-words {bag:F3}");
        Assert.True(rm > length + 0.03, $"rm {rm:F3} vs length {length:F3}");
        Assert.True(rm > bag + 0.03, $"rm {rm:F3} vs bag-of-words {bag:F3}");
    }

    [Fact]
    public void At_20_percent_flipped_labels_the_debiased_loss_keeps_more_gold_accuracy_than_Bradley_Terry()
    {
        var experiment = new GymRewardExperiment(new SortingWorld(), prompts: 160, seed: 2);
        var (bt, debiased) = experiment.NoisyAccuracies(0.2, Budget);
        Console.WriteLine($"sorting gold accuracy at 20% flips: bt {bt:F3}, debiased {debiased:F3}");
        Assert.True(debiased > bt, $"debiased {debiased:F3} vs bt {bt:F3}");
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
