using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.LogProbs;

/// <summary>
/// log p of the scored tokens (the loss mask) of each sequence under a causal LM, in batches without gradients: the
/// sum over the completion's tokens of log π(token | everything before it) (<see cref="CompletionLogProbs"/>).
/// </summary>
public static class ScoredLogProbs
{
    /// <summary>One value per sequence, in input order.</summary>
    public static double[] Compute(ICausalLM model, IReadOnlyList<TokenizedSequence> sequences, int padId, int batchSize = 64)
    {
        if (batchSize < 1) throw new ArgumentException($"batch size must be ≥ 1, found {batchSize}", nameof(batchSize));
        var result = new double[sequences.Count];
        model.Module.eval();
        for (var start = 0; start < sequences.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var count = Math.Min(batchSize, sequences.Count - start);
            var batch = SequenceBatch.Collate(Enumerable.Range(start, count).Select(i => sequences[i]).ToList(), padId);
            var (logProbs, _) = CompletionLogProbs.Compute(model, batch);
            Array.Copy(logProbs.PerSequence.to_type(ScalarType.Float64).cpu().data<double>().ToArray(), 0, result, start, count);
        }
        return result;
    }
}
