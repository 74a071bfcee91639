using PrefSharp.Torch.Diagnostics;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>Per-token pieces of <see cref="GrpoLoss"/>.</summary>
public static partial class GrpoLoss
{
    /// <summary>
    /// Per-token loss ℓ (B, T) before masking, the importance ratio (B, T) (detached, broadcast for sequence level)
    /// and the k3 KL (B, T) when reference log-probs are given.
    /// </summary>
    public static (Tensor Loss, Tensor Ratio, Tensor? Kl) PerToken(GrpoLossInputs inputs, GrpoLossOptions options)
    {
        CheckShapes(inputs, options);
        using var scope = NewDisposeScope();
        var logProbs = inputs.LogProbs;                                                      // (B, T)
        var mask = inputs.Mask.to(logProbs.dtype);                                           // (B, T)
        var logRatio = logProbs - (inputs.OldLogProbs ?? logProbs).detach();                 // (B, T)
        if (options.ImportanceSampling == ImportanceSamplingLevel.Sequence)
            logRatio = ((logRatio * mask).sum(1, keepdim: true) / mask.sum(1, keepdim: true).clamp_min(1.0))
                .expand_as(logProbs);                                                        // (B, T), one value per row
        var ratio = logRatio.exp();
        var advantage = inputs.Advantages.to(logProbs.dtype).unsqueeze(1);                   // (B, 1)
        var loss = Surrogate(ratio, advantage, logProbs, options);                           // (B, T)
        if (options.EntropyChangeWeighting is { } steer)
            loss = loss * EntropyChangeWeights.Compute(inputs.Advantages, logProbs, inputs.OldLogProbs, inputs.Entropies!, inputs.Mask, steer.Min, steer.Max);
        if (options.TopEntropyQuantile < 1) loss = loss * HighEntropyTokens.Mask(inputs.Entropies!, inputs.Mask, options.TopEntropyQuantile);
        Tensor? kl = inputs.RefLogProbs is null ? null : KlEstimator.K3(logProbs, inputs.RefLogProbs.to(logProbs.dtype));
        if (options.Beta > 0) loss = loss + options.Beta * kl!;
        if (options.EntropyCoefficient != 0) loss = loss - options.EntropyCoefficient * inputs.Entropies!;
        return (loss.MoveToOuterDisposeScope(), ratio.detach().MoveToOuterDisposeScope(), kl?.MoveToOuterDisposeScope());
    }

    private static void CheckShapes(GrpoLossInputs inputs, GrpoLossOptions options)
    {
        var shape = inputs.LogProbs.shape;
        if (shape.Length != 2) throw new ArgumentException($"log-probs must be (B, T), found [{string.Join(", ", shape)}]", nameof(inputs));
        void Same(Tensor? t, string name)
        {
            if (t is not null && !t.shape.SequenceEqual(shape))
                throw new ArgumentException($"{name} must be (B, T) = [{string.Join(", ", shape)}] like the log-probs, found [{string.Join(", ", t.shape)}]", nameof(inputs));
        }
        Same(inputs.OldLogProbs, nameof(inputs.OldLogProbs));
        Same(inputs.RefLogProbs, nameof(inputs.RefLogProbs));
        Same(inputs.Mask, nameof(inputs.Mask));
        Same(inputs.Entropies, nameof(inputs.Entropies));
        if (!inputs.Advantages.shape.SequenceEqual([shape[0]]))
            throw new ArgumentException($"advantages must be (B) = [{shape[0]}], found [{string.Join(", ", inputs.Advantages.shape)}]", nameof(inputs));
        if (options.Beta > 0 && inputs.RefLogProbs is null)
            throw new ArgumentException($"Beta = {options.Beta} > 0 needs reference log-probs", nameof(inputs));
        if (options.NeedsEntropies && inputs.Entropies is null)
            throw new ArgumentException($"EntropyCoefficient = {options.EntropyCoefficient}, TopEntropyQuantile = {options.TopEntropyQuantile} and EntropyChangeWeighting = {options.EntropyChangeWeighting} need per-token entropies", nameof(inputs));
    }
}
