using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// The result of <see cref="BatchGenerator.Generate"/>, for B rows, P prompt positions and N generation steps
/// (N ≤ MaxNewTokens: the loop ends once every row has stopped).
/// </summary>
/// <param name="Sequences">(B, P + N) int64: the left-padded prompts followed by the generated tokens.</param>
/// <param name="AttentionMask">(B, P + N) int64: 1 for real prompt tokens and generated tokens, 0 for padding.</param>
/// <param name="GeneratedTokens">(B, N) int64: the sampled tokens; the pad id after a row stopped.</param>
/// <param name="TokenLogProbs">
/// (B, N) float32: log π(token) of each generated token under the model's distribution at the sampling temperature
/// (logits / T, or T = 1 when greedy), before top-k/top-p truncation, as an RL trainer recomputes it; 0 where masked.
/// </param>
/// <param name="GeneratedMask">(B, N) int64: 1 for generated tokens (stop token included), 0 after a row stopped.</param>
public sealed record GenerationOutput(
    Tensor Sequences, Tensor AttentionMask, Tensor GeneratedTokens, Tensor TokenLogProbs, Tensor GeneratedMask)
{
    /// <summary>The generated ids of each row up to and including its stop token, without padding.</summary>
    public IReadOnlyList<long[]> CompletionIds()
    {
        var width = (int)GeneratedTokens.shape[1];
        using var tokensOnHost = GeneratedTokens.cpu();
        using var keptOnHost = GeneratedMask.cpu();
        var tokens = tokensOnHost.data<long>().ToArray();         // (B·N)
        var kept = keptOnHost.data<long>().ToArray();             // (B·N)
        return [.. Enumerable.Range(0, (int)GeneratedTokens.shape[0])
            .Select(row => Enumerable.Range(row * width, width).Where(i => kept[i] == 1).Select(i => tokens[i]).ToArray())];
    }
}
