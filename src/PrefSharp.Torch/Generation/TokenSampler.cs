using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>Picks one next token per row from last-position logits, with its log-probability.</summary>
public static class TokenSampler
{
    /// <summary>
    /// logits (B, V) → tokens (B) int64 and their log-probabilities (B) float32 under softmax(logits / T) (T = 1 when
    /// greedy), before truncation. Greedy when <see cref="GenerationOptions.Temperature"/> is 0; otherwise temperature,
    /// then top-k, then top-p, then a draw from <paramref name="generator"/>.
    /// </summary>
    public static (Tensor Tokens, Tensor LogProbs) Next(Tensor logits, GenerationOptions options, Generator generator)
    {
        using var scope = NewDisposeScope();
        var scores = logits.to(ScalarType.Float32);                                // (B, V)
        if (options.Temperature > 0) scores = scores / options.Temperature;
        var logProbs = scores.log_softmax(-1);                                      // (B, V)
        Tensor tokens;
        if (options.Temperature == 0)
        {
            tokens = scores.argmax(-1);                                             // (B)
        }
        else
        {
            var filtered = LogitsFilters.TopP(LogitsFilters.TopK(scores, options.TopK), options.TopP);
            tokens = filtered.softmax(-1).multinomial(1, generator: generator).squeeze(1);  // (B)
        }
        var chosen = logProbs.gather(-1, tokens.unsqueeze(1)).squeeze(1);           // (B)
        return (tokens.MoveToOuterDisposeScope(), chosen.MoveToOuterDisposeScope());
    }
}
