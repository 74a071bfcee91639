using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// The sampling half of a GRPO step (Shao et al. 2024, Algorithm 1, "sample G outputs for each question"): every
/// prompt is repeated G times in a row, one <see cref="BatchGenerator.Generate"/> call with the KV cache samples all
/// B·G completions, and the sampler's own token log-probs become the old-policy log-probs, so no second forward pass
/// is needed for π_old (exact at temperature 1 without top-k/top-p, as the sampler records log π before truncation).
/// Reference log-probs come from one no-grad forward of the reference model.
/// </summary>
public static class GrpoRollout
{
    /// <summary>Samples <paramref name="groupSize"/> completions per prompt (token ids, no padding).</summary>
    public static Rollout Generate(ICausalLM policy, IReadOnlyList<IReadOnlyList<long>> prompts, int groupSize,
        GenerationOptions options, ICausalLM? reference = null)
    {
        if (groupSize < 1) throw new ArgumentException($"group size must be ≥ 1, found {groupSize}", nameof(groupSize));
        if (prompts.Count == 0) throw new ArgumentException("no prompts", nameof(prompts));
        using var scope = NewDisposeScope();
        var repeated = prompts.SelectMany(p => Enumerable.Repeat(p, groupSize)).ToArray();        // B·G, grouped by prompt
        var (ids, mask) = PromptBatch.LeftPad(repeated, options.PadTokenId);
        var output = BatchGenerator.Generate(policy, ids, mask, options);
        var generated = output.GeneratedTokens.data<long>().ToArray();                          // (B·G)·N
        var generatedMask = output.GeneratedMask.data<long>().ToArray();
        var sampledLogProbs = output.TokenLogProbs.to(ScalarType.Float32).data<float>().ToArray();
        var steps = (int)output.GeneratedTokens.shape[1];

        var sequences = new List<TokenizedSequence>(repeated.Length);
        var completions = new List<IReadOnlyList<long>>(repeated.Length);
        var rowLogProbs = new List<float[]>(repeated.Length);
        for (var row = 0; row < repeated.Length; row++)
        {
            var count = 0;
            while (count < steps && generatedMask[row * steps + count] == 1) count++;
            var completion = generated.AsSpan(row * steps, count).ToArray();
            completions.Add(completion);
            rowLogProbs.Add(sampledLogProbs.AsSpan(row * steps, count).ToArray());
            sequences.Add(TokenizedSequence.PromptCompletion(
                [.. repeated[row].Select(t => checked((int)t))], [.. completion.Select(t => checked((int)t))]));
        }
        var batch = SequenceBatch.Collate(sequences, checked((int)options.PadTokenId));
        var oldLogProbs = OldLogProbs(repeated, rowLogProbs, batch.InputIds.shape[1]);
        Tensor? refLogProbs = null;
        if (reference is not null)
        {
            using var noGrad = no_grad();
            refLogProbs = CompletionLogProbs.Compute(reference, batch).LogProbs.PerToken;
        }
        return new Rollout(Keep(batch), oldLogProbs.MoveToOuterDisposeScope(), refLogProbs?.MoveToOuterDisposeScope(), groupSize, completions);
    }

    /// <summary>Places each row's sampled log-probs at the shifted positions of its completion tokens.</summary>
    private static Tensor OldLogProbs(IReadOnlyList<IReadOnlyList<long>> prompts, IReadOnlyList<float[]> rowLogProbs, long width)
    {
        var values = new float[prompts.Count, width - 1];
        for (var row = 0; row < prompts.Count; row++)
            for (var k = 0; k < rowLogProbs[row].Length; k++)
                values[row, prompts[row].Count + k - 1] = rowLogProbs[row][k];   // token at p + k is scored at p + k − 1
        return tensor(values);
    }

    private static SequenceBatch Keep(SequenceBatch batch) => new(batch.InputIds.MoveToOuterDisposeScope(),
        batch.AttentionMask.MoveToOuterDisposeScope(), batch.LossMask.MoveToOuterDisposeScope());
}
