using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// REINFORCE++ (Hu 2025, "REINFORCE++: A Simple and Efficient Approach for Aligning Large Language Models", §3.2,
/// advantage normalisation): advantages whitened over the whole global batch, A ← (A − mean_batch) / (std_batch + ε),
/// instead of per prompt group, which the paper argues over-fits easy prompts.
/// </summary>
/// <remarks>
/// The std is the population (biased, divide by n) one, as OpenRLHF's masked whitening computes it, and ε = 1e-8.
/// <see cref="ReinforcePlusPlus"/> with <c>groupBaseline</c> is "REINFORCE++-baseline": subtract the group mean
/// first (the paper's variant for reasoning tasks), then whiten globally. The KL penalty that REINFORCE++ folds into
/// the reward (r − β·KL) is the caller's: pass the penalised rewards.
/// </remarks>
public static class GlobalWhitening
{
    /// <summary>OpenRLHF's ε.</summary>
    public const double DefaultEpsilon = 1e-8;

    /// <summary>(N) → (N): zero mean, unit population std over all entries.</summary>
    public static Tensor Whiten(Tensor values, double epsilon = DefaultEpsilon)
    {
        if (values.dim() != 1 || values.shape[0] == 0)
            throw new ArgumentException($"values must be a non-empty flat tensor, found [{string.Join(", ", values.shape)}]", nameof(values));
        using var scope = NewDisposeScope();
        var centred = values - values.mean();
        var std = centred.square().mean().sqrt();
        return (centred / (std + epsilon)).MoveToOuterDisposeScope();
    }

    /// <summary>REINFORCE++ advantages of rewards (B·G); with <paramref name="groupBaseline"/> the group mean is subtracted first.</summary>
    public static Tensor ReinforcePlusPlus(Tensor rewards, int groupSize, bool groupBaseline, double epsilon = DefaultEpsilon)
    {
        using var scope = NewDisposeScope();
        var centred = groupBaseline ? GroupAdvantages.Compute(rewards, groupSize, AdvantageScaling.None) : rewards;
        return Whiten(centred, epsilon).MoveToOuterDisposeScope();
    }
}
