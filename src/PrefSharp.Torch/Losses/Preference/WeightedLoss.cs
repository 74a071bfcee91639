namespace PrefSharp.Torch.Losses.Preference;

/// <summary>One term of a combined loss: <paramref name="Weight"/> · loss of <paramref name="Type"/> (TRL's loss_type list with loss_weights).</summary>
public sealed record WeightedLoss(PreferenceLossType Type, double Weight = 1.0)
{
    /// <summary>RPO (Liu et al. 2024, "Provably Mitigating Overoptimization in RLHF", Algorithm 2; the same combination as Pang et al. 2024, "Iterative Reasoning Preference Optimization"): DPO + α·NLL on the chosen response, α = 1 in Pang et al.</summary>
    public static IReadOnlyList<WeightedLoss> Rpo(double alpha = 1.0) =>
        [new(PreferenceLossType.Sigmoid), new(PreferenceLossType.Sft, alpha)];
}
