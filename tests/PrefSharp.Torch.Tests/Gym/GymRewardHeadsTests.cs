using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Gym;

namespace PrefSharp.Torch.Tests.Gym;

/// <summary>
/// A General Preference Model against Bradley–Terry on a small intransitive world (the seeded table over larger budgets
/// is the gym-reward-heads benchmark). Accuracy is against the world's own preference on held-out prompts.
/// </summary>
public sealed class GymRewardHeadsTests
{
    /// <remarks>
    /// The cyclic style term (formal ≻ casual ≻ poetic ≻ formal, weight 2 on the logit scale) costs any scalar reward
    /// one of the three style pairs; a GPM can represent the cycle. Measured at this budget (160 prompts, 150 steps,
    /// GPM at the paper's β = 0.1 and lr 1e-3): BT 0.593, GPM 0.734. Smaller budgets did not separate them: 120 prompts ×
    /// 120 steps gave BT 0.618 vs GPM 0.603, and 100 steps with β = 1, lr 3e-3 gave 0.588 vs 0.595, so this is the
    /// smallest version measured to show the effect (about 1.5 CPU-minutes). It is NOT seed-robust at this budget: the
    /// bench (gym-reward-heads, seeds 2–4) gives GPM − BT = +0.141, −0.033, +0.102; this test pins seed 2 as a
    /// regression check of the pipeline (train, gate, logits), and the docs report all three seeds.
    /// </remarks>
    [Fact]
    public void Gpm_beats_Bradley_Terry_on_the_intransitive_worlds_own_preference()
    {
        var experiment = new GymIntransitiveExperiment(new IntransitiveWorld(), prompts: 160, seed: 2);
        var (bt, gpm) = experiment.Accuracies(new GymRewardOptions { Steps = 150, Seed = 2 });
        Console.WriteLine($"intransitive held-out accuracy vs the world's preference: bt {bt:F3}, gpm {gpm:F3}");
        Assert.True(gpm > bt + 0.05, $"gpm {gpm:F3} vs bt {bt:F3}");
    }
}
