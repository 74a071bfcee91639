using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Sft;

/// <summary>
/// Supervised fine-tuning: the negative log-likelihood of the scored tokens (completion or assistant turns),
/// L = −Σ_{(b,t) scored} log π_θ(x_{b,t} | x_{b,&lt;t}), a sum over tokens so that the loop's division by the total number
/// of scored tokens of the optimiser step gives the per-token mean of the whole step (maximum likelihood,
/// as in the SFT stage of Ouyang et al. 2022, §3.5). Weight = scored tokens (positions 1..T−1 where LossMask and
/// AttentionMask are both 1). Metric sums: <c>token_accuracy</c> = scored tokens whose arg-max prediction is right.
/// </summary>
public sealed class SftObjective(ICausalLM model) : ITrainingObjective<SequenceBatch>
{
    /// <summary>The metric name of the arg-max accuracy.</summary>
    public const string TokenAccuracy = "token_accuracy";

    public double Weight(SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        return ScoredMask(batch).sum().item<long>();
    }

    public ObjectiveLoss Compute(SequenceBatch batch)
    {
        var (logProbs, logits) = CompletionLogProbs.Compute(model, batch);    // (B, T−1), (B, T−1, V)
        var loss = -logProbs.PerSequence.sum();
        double correct;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var labels = batch.InputIds.narrow(1, 1, batch.InputIds.shape[1] - 1);   // (B, T−1)
            var hits = logits.argmax(-1).eq(labels).logical_and(ScoredMask(batch).to(ScalarType.Bool));
            correct = hits.sum().item<long>();
        }
        return new ObjectiveLoss(loss, new Dictionary<string, double> { [TokenAccuracy] = correct });
    }

    /// <summary>Positions 1..T−1 that are scored: LossMask · AttentionMask, shifted by one (B, T−1).</summary>
    private static Tensor ScoredMask(SequenceBatch batch) =>
        (batch.LossMask * batch.AttentionMask).narrow(1, 1, batch.InputIds.shape[1] - 1);

    /// <summary>Real (non-padding) tokens of a batch, for throughput.</summary>
    public static long CountTokens(SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        return batch.AttentionMask.sum().item<long>();
    }
}
