using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// PPO's or P3O's loss as a shared-loop objective. PPO: Weight is the scored tokens and Sum is <see cref="PpoLoss"/>'s
/// Σ (ℓ^policy + c_v·ℓ^value), so a mini-batch's loss is the token mean over it whatever its split into micro-batches.
/// P3O: Weight is the pairs and Sum is <see cref="P3oLoss"/>'s. The loss terms (every pass) and the entropy (first
/// pass) go into the rollout's sums.
/// </summary>
internal sealed class PpoObjective(ICausalLM policy, IValueModel? value, PpoTrainerOptions options) : ITrainingObjective<PpoMicroBatch>
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    public double Weight(PpoMicroBatch batch) => options.Algorithm == PpoAlgorithm.P3o
        ? batch.Mask.shape[0] / 2.0
        : Math.Max(1.0, batch.Mask.sum().to(ScalarType.Float64).item<double>());

    public ObjectiveLoss Compute(PpoMicroBatch batch)
    {
        var (logProbs, logits, hidden) = CompletionLogProbs.ComputeWithHidden(policy, batch.Rows);
        var step = batch.Step;
        Tensor sum;
        if (options.Algorithm == PpoAlgorithm.P3o)
        {
            var (pairSum, clipped) = P3oLoss.Compute(logProbs.PerToken, batch.OldLogProbs, batch.Mask, batch.Differences,
                options.P3oClipping, options.Loss.ClipRange);
            sum = pairSum;
            step.PolicySum += Item(pairSum.detach());
            step.PolicyClipped += Item(clipped);
        }
        else
        {
            var values = value!.Values(batch.Rows, hidden);
            var terms = PpoLoss.Compute(logProbs.PerToken, batch.OldLogProbs, batch.Advantages, batch.Mask, options.Loss,
                values, batch.OldValues, batch.Returns);
            sum = terms.Sum;
            step.PolicySum += Item(terms.PolicySum);
            step.ValueSum += Item(terms.ValueSum);
            step.PolicyClipped += Item(terms.PolicyClipped);
            step.ValueClipped += Item(terms.ValueClipped);
        }
        using var noGrad = no_grad();
        step.ApproxKlSum += Item((0.5 * (logProbs.PerToken - batch.OldLogProbs).square() * batch.Mask).sum());
        if (batch.Passes++ == 0)
            step.EntropySum += Item((Diagnostics.TokenEntropy.Compute(logits.detach(), batch.Mask) * batch.Mask).sum());
        return new ObjectiveLoss(sum, NoMetrics);
    }

    private static double Item(Tensor scalar) => scalar.to(ScalarType.Float64).item<double>();
}
