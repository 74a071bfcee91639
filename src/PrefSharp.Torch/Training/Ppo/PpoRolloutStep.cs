using System.Diagnostics;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Rollouts;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// One sampled and scored rollout prepared for the updates (<see cref="PpoRollouts.Prepare"/>): scored mask, old
/// log-probs and values, advantages and returns (PPO) or pair reward differences (P3O), the diagnostics known before
/// any update, and the sums that <see cref="PpoObjective"/> adds during the epochs. Its tensors belong to the loop's step scope.
/// </summary>
internal sealed class PpoRolloutStep(ScoredRollout scored, Tensor mask, Tensor oldLogProbs, Tensor oldValues, Tensor advantages,
    Tensor returns, Tensor differences, PpoStepDiagnostics diagnostics)
{
    private readonly double scoredTokens = Math.Max(1.0, mask.sum().to(ScalarType.Float64).item<double>());
    private readonly long rows = mask.shape[0];

    public ScoredRollout Scored { get; } = scored;
    public PpoStepDiagnostics Diagnostics { get; } = diagnostics;

    /// <summary>Runs from the end of preparation, so the report's training time covers the updates.</summary>
    public Stopwatch TrainingClock { get; } = Stopwatch.StartNew();

    /// <summary>Σ over passes of the loss terms (PPO: over scored tokens; P3O: policy over pairs, clipped over rows).</summary>
    public double PolicySum { get; set; }
    public double ValueSum { get; set; }
    public double PolicyClipped { get; set; }
    public double ValueClipped { get; set; }
    public double ApproxKlSum { get; set; }

    /// <summary>Σ of token entropies over the scored tokens in the first epoch's forward passes.</summary>
    public double EntropySum { get; set; }

    /// <summary>The rows in micro-batches of at most <paramref name="size"/> completions, in row order.</summary>
    public IEnumerable<PpoMicroBatch> Split(int size)
    {
        var batch = Scored.Rollout.Batch;
        for (long start = 0; start < rows; start += size)
        {
            var n = Math.Min(size, rows - start);
            yield return new PpoMicroBatch(this,
                new SequenceBatch(batch.InputIds.narrow(0, start, n), batch.AttentionMask.narrow(0, start, n), batch.LossMask.narrow(0, start, n)),
                mask.narrow(0, start, n), oldLogProbs.narrow(0, start, n), oldValues.narrow(0, start, n), advantages.narrow(0, start, n),
                returns.narrow(0, start, n), differences.narrow(0, start, n));
        }
    }

    /// <summary>The diagnostics with the means of the <paramref name="epochs"/> passes' sums (after the step's tensors are gone).</summary>
    public PpoStepDiagnostics Finish(int epochs, PpoAlgorithm algorithm)
    {
        var policyUnits = algorithm == PpoAlgorithm.P3o ? rows / 2.0 : scoredTokens;
        var clipUnits = algorithm == PpoAlgorithm.P3o ? rows : scoredTokens;
        return Diagnostics with
        {
            PolicyLoss = PolicySum / (policyUnits * epochs), ValueLoss = ValueSum / (scoredTokens * epochs),
            PolicyClipFraction = PolicyClipped / (clipUnits * epochs), ValueClipFraction = ValueClipped / (scoredTokens * epochs),
            ApproxKl = ApproxKlSum / (scoredTokens * epochs), Entropy = EntropySum / scoredTokens,
        };
    }
}
