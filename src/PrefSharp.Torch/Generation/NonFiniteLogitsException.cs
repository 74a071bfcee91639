using PrefSharp.Torch.Runtime;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// The model returned NaN or infinite logits while generating token <see cref="TokenIndex"/> (0-based, after the
/// prompt), so no token can be drawn: its weights are non-finite or so large that the forward pass overflows.
/// </summary>
public sealed class NonFiniteLogitsException(long tokenIndex) : NonFiniteValueException(
    $"sampling token {tokenIndex + 1} of the completion: the model's logits are NaN or infinite, so no token can be drawn; "
    + "its weights are non-finite or too large (a diverged training run, a learning rate too high, or a damaged checkpoint)")
{
    /// <summary>Index of the token being generated, counted from the first generated token.</summary>
    public long TokenIndex { get; } = tokenIndex;
}
