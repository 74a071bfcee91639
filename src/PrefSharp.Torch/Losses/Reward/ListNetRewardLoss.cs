using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// ListNet (Cao et al. 2007, "Learning to Rank: From Pairwise Approach to Listwise Approach", Eq. 6 with the top-one
/// probability of Definition 6): the cross-entropy between the top-one distributions of the labels and of the rewards,
/// ℓ = −Σ_j softmax(s / τ)_j · log softmax(r)_j, for graded labels s (B, k) and rewards r (B, k).
/// Default τ = 1 (the paper's exponential φ). Masked-out entries take no part in either softmax.
/// </summary>
public static class ListNetRewardLoss
{
    /// <summary>Per-list losses (B).</summary>
    public static Tensor Compute(Tensor rewards, Tensor labels, Tensor? mask = null, double labelTemperature = 1.0)
    {
        if (rewards.dim() != 2 || !rewards.shape.SequenceEqual(labels.shape))
            throw new ArgumentException("rewards and labels must both be (B, k)", nameof(labels));
        if (!(labelTemperature > 0)) throw new ArgumentException($"labelTemperature must be > 0, found {labelTemperature}", nameof(labelTemperature));
        using var scope = NewDisposeScope();
        var absent = (mask ?? ones_like(rewards, dtype: ScalarType.Bool)).logical_not();
        var target = labels.div(labelTemperature).masked_fill(absent, double.NegativeInfinity).softmax(1);
        var logProbabilities = rewards.masked_fill(absent, double.NegativeInfinity).log_softmax(1).masked_fill(absent, 0.0);
        return (target * logProbabilities).sum(1).neg().MoveToOuterDisposeScope();
    }
}
