using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// The clipped surrogate of GRPO (<see cref="GrpoLoss"/>) as a shared-loop objective: Weight and Sum are
/// <see cref="GrpoLoss.Weight"/> and <see cref="GrpoLoss.Sum"/> of the micro-batch, so the loop's accumulation gives
/// the loss over the whole rollout whatever the split. With μ = 1 the old log-probs are the detached current ones
/// (ratio exactly 1), as TRL does. Clip fraction (every pass) and entropy (first pass) go into the rollout's sums.
/// </summary>
internal sealed class GrpoObjective(ICausalLM policy, GrpoLossOptions lossOptions, int iterations) : ITrainingObjective<GrpoMicroBatch>
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    public double Weight(GrpoMicroBatch batch) => GrpoLoss.Weight(batch.Mask, lossOptions);

    public ObjectiveLoss Compute(GrpoMicroBatch batch)
    {
        var (logProbs, logits) = LogProbs.CompletionLogProbs.Compute(policy, batch.Rows);
        var first = batch.Passes++ == 0;
        var lossNeedsEntropy = lossOptions.NeedsEntropies;
        var entropies = lossNeedsEntropy || first ? Diagnostics.TokenEntropy.Compute(logits, batch.Mask) : null;
        var inputs = new GrpoLossInputs(logProbs.PerToken, iterations > 1 ? batch.OldLogProbs : null, batch.RefLogProbs,
            batch.Advantages, batch.Mask, lossNeedsEntropy ? entropies : null);
        var sum = GrpoLoss.Sum(inputs, lossOptions);
        using var noGrad = no_grad();
        var scored = batch.Mask.sum().to(ScalarType.Float64).item<double>();
        var detached = inputs with { LogProbs = logProbs.PerToken.detach() };
        batch.Step.ClipSum += GrpoLoss.Compute(detached, lossOptions).ClipFraction.to(ScalarType.Float64).item<double>() * scored;
        if (first) batch.Step.EntropySum += (entropies!.detach() * batch.Mask).sum().to(ScalarType.Float64).item<double>();
        return new ObjectiveLoss(sum, NoMetrics);
    }
}
