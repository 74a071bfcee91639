using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// The prompt's representation f_θ(x) read from the forward pass of prompt + response: the hidden state at the last
/// prompt token (the position before the first scored token of the loss mask). In a causal decoder it equals the
/// last-token state of the prompt alone, so one pass gives both the gate's input and the objective rewards.
/// A row with no scored token (the prompt was truncated away, or nothing is scored) falls back to its last real token.
/// </summary>
public static class PromptPooling
{
    /// <summary>Index of the last prompt token per row: loss mask and attention mask (B, T) → (B) int64.</summary>
    public static Tensor LastPromptIndex(Tensor lossMask, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var scored = lossMask.to(ScalarType.Int64).gt(0);                          // (B, T)
        var firstScored = scored.to(ScalarType.Int64).argmax(1);                   // (B): first 1 (argmax takes the first maximum)
        var lastPrompt = (firstScored - 1).clamp_min(0);
        var fallback = LastTokenPooling.LastRealIndex(attentionMask);
        return where(scored.any(1), lastPrompt, fallback).MoveToOuterDisposeScope();
    }

    /// <summary>hidden (B, T, d) at the last prompt token → (B, d).</summary>
    public static Tensor Pool(Tensor hidden, Tensor lossMask, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var index = LastPromptIndex(lossMask, attentionMask);
        return hidden.gather(1, index.view(-1, 1, 1).expand(-1, 1, hidden.shape[2])).squeeze(1).MoveToOuterDisposeScope();
    }
}
