using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Stage 1 of ArmoRM (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling and
/// Mixture-of-Experts", §3.1): regress a k-dimensional reward r(x, y) on absolute ratings of k objectives
/// (helpfulness, correctness, verbosity, …), ℓ = Σ_i m_i (r_i − t_i)², where m_i masks objectives the example's
/// dataset does not rate. No hyper-parameters (the paper fits this head by ridge regression on frozen features).
/// </summary>
public static class MultiObjectiveRegressionLoss
{
    /// <summary>Per-example losses (B) from predictions and targets (B, k) and an optional bool mask (B, k).</summary>
    public static Tensor Compute(Tensor predicted, Tensor target, Tensor? rated = null)
    {
        if (predicted.dim() != 2 || !predicted.shape.SequenceEqual(target.shape))
            throw new ArgumentException("predicted and target must both be (B, k)", nameof(target));
        using var scope = NewDisposeScope();
        var squared = (predicted - target).square();
        if (rated is not null) squared = squared.masked_fill(rated.logical_not(), 0.0);
        return squared.sum(1).MoveToOuterDisposeScope();
    }
}
