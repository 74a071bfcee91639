using PrefSharp.Torch.Batches;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>One GRPO rollout held fixed: completions, the sampling policy's log-probabilities and the advantages.</summary>
internal sealed record FixedGrpoRows(SequenceBatch Rows, Tensor OldLogProbs, Tensor Advantages, Tensor Mask) : IDisposable
{
    /// <summary>The float32 <paramref name="model"/>'s per-token log-probabilities of <paramref name="data"/> (it is disposed).</summary>
    public static float[][] SamplerLogProbs(ICausalLM model, IReadOnlyList<TokenizedSequence> data)
    {
        using var owned = model;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var perToken = CompletionLogProbs.Compute(model, SequenceBatch.Collate(data, 0)).LogProbs.PerToken;   // (B, T−1)
        return Enumerable.Range(0, data.Count).Select(i => perToken[i].data<float>().ToArray()).ToArray();
    }

    public static FixedGrpoRows Collate(IReadOnlyList<(TokenizedSequence Sequence, int Index)> rows, float[][] old, double[] advantages)
    {
        var batch = SequenceBatch.Collate(rows.Select(r => r.Sequence).ToList(), 0);
        var width = batch.InputIds.shape[1] - 1;
        var oldRows = rows.Select(r => old[r.Index].Take((int)width).Concat(Enumerable.Repeat(0f, (int)width - Math.Min(old[r.Index].Length, (int)width)))).SelectMany(x => x).ToArray();
        var mask = (batch.LossMask * batch.AttentionMask).narrow(1, 1, width);
        return new FixedGrpoRows(batch, tensor(oldRows).view(rows.Count, width), tensor(rows.Select(r => advantages[r.Index]).ToArray(), ScalarType.Float32), mask);
    }

    public void Dispose()
    {
        Rows.Dispose();
        OldLogProbs.Dispose();
        Advantages.Dispose();
        Mask.Dispose();
    }
}
