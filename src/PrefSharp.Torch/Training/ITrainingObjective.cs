using static TorchSharp.torch;

namespace PrefSharp.Torch.Training;

/// <summary>
/// What one method (SFT, a reward model, the DPO family, …) contributes to the shared training loop: the loss of one
/// micro-batch. The loop owns everything else (optimiser, schedule, accumulation, clipping, checkpoints, logging).
/// </summary>
/// <remarks>
/// Gradient accumulation is exact because losses are sums: for one optimiser step the loop asks every micro-batch
/// for its <see cref="Weight"/> (tokens for SFT, pairs for DPO and reward models), divides each micro-batch's
/// <see cref="ObjectiveLoss.Sum"/> by the total, and back-propagates. Batch 8 × accumulation 1 and batch 1 ×
/// accumulation 8 therefore give the same gradient.
/// </remarks>
public interface ITrainingObjective<in TBatch>
{
    /// <summary>Number of loss units in <paramref name="batch"/> (tokens, pairs, sequences), known before any forward pass.</summary>
    double Weight(TBatch batch);

    /// <summary>
    /// Forward pass on one micro-batch: the loss summed over its units (a scalar that requires grad during training)
    /// and metrics summed over the same units; the loop divides both by the total weight. Runs inside the loop's
    /// dispose scope, and under <c>no_grad</c> for evaluation.
    /// </summary>
    ObjectiveLoss Compute(TBatch batch);
}

/// <summary>A micro-batch's summed loss and summed metrics (for example <c>rewards/accuracies</c> → number correct).</summary>
public sealed record ObjectiveLoss(Tensor Sum, IReadOnlyDictionary<string, double> MetricSums);
