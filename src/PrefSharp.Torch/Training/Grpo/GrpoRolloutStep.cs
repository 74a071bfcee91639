using System.Diagnostics;
using PrefSharp.Torch.Diagnostics;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// One sampled and scored rollout, the data of one GRPO step: the completions with their float32 advantages and
/// scored mask, the diagnostics known before any update, the time and tokens of generation and scoring, and the
/// clip-fraction and entropy sums that <see cref="GrpoObjective"/> adds during the μ updates. Its tensors belong to
/// the loop's step scope.
/// </summary>
internal sealed class GrpoRolloutStep(Rollout rollout, Tensor advantages, GrpoStepDiagnostics diagnostics,
    double generationSeconds, double scoringSeconds, long generatedTokens, long scoredTokens, bool[]? maskedRows = null)
{
    private readonly Tensor mask = ScoredMask(rollout, maskedRows);
    private readonly double scoredPositions = Math.Max(1.0, ScoredMask(rollout, maskedRows).sum().to(ScalarType.Float64).item<double>());

    /// <summary>Diagnostics of the rollout itself; entropy and clip fraction come from the updates (<see cref="Finish"/>).</summary>
    public GrpoStepDiagnostics Diagnostics { get; } = diagnostics;

    public double GenerationSeconds { get; } = generationSeconds;
    public double ScoringSeconds { get; } = scoringSeconds;
    public long GeneratedTokens { get; } = generatedTokens;
    public long ScoredTokens { get; } = scoredTokens;

    /// <summary>Runs from the end of scoring, so the report's training time covers the advantages and the updates.</summary>
    public Stopwatch TrainingClock { get; } = Stopwatch.StartNew();

    /// <summary>Σ over updates and micro-batches of (clip fraction × scored tokens).</summary>
    public double ClipSum { get; set; }

    /// <summary>Σ of token entropies over the scored tokens in the first update's forward passes.</summary>
    public double EntropySum { get; set; }

    /// <summary>The rollout's scored positions (B·G, T − 1) with the rows in <paramref name="maskedRows"/> left out.</summary>
    private static Tensor ScoredMask(Rollout rollout, bool[]? maskedRows) => maskedRows is null ? rollout.ScoredMask()
        : rollout.ScoredMask() * tensor(maskedRows.Select(m => m ? 0L : 1L).ToArray()).unsqueeze(1);

    /// <summary>The rollout's rows in micro-batches of at most <paramref name="size"/> completions, in row order.</summary>
    public IEnumerable<GrpoMicroBatch> Split(int size)
    {
        var rows = mask.shape[0];
        for (long start = 0; start < rows; start += size)
        {
            var n = Math.Min(size, rows - start);
            var batch = rollout.Batch;
            yield return new GrpoMicroBatch(this,
                new Batches.SequenceBatch(batch.InputIds.narrow(0, start, n), batch.AttentionMask.narrow(0, start, n), batch.LossMask.narrow(0, start, n)),
                rollout.OldLogProbs.narrow(0, start, n), rollout.RefLogProbs?.narrow(0, start, n), advantages.narrow(0, start, n), mask.narrow(0, start, n));
        }
    }

    /// <summary>
    /// The diagnostics with the updates' measurements: clip fraction averaged over scored tokens and the μ updates,
    /// entropy averaged over scored tokens of the first update.
    /// </summary>
    public GrpoStepDiagnostics Finish(int iterations)
    {
        return Diagnostics with { ClipFraction = ClipSum / (scoredPositions * iterations), Entropy = EntropySum / scoredPositions };
    }
}
