using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>The head outputs together with the prompt's hidden state, for heads that route on the context (MiCRo).</summary>
public sealed partial class RewardModel
{
    /// <summary>
    /// Raw head outputs (B, num_labels) at the last real token and the hidden state (B, d) at the prompt's last token
    /// (<see cref="PromptEndIndex"/>), from one backbone pass.
    /// </summary>
    public (Tensor Outputs, Tensor PromptHidden) ForwardWithPrompt(Tensor inputIds, Tensor attentionMask, Tensor lossMask)
    {
        using var scope = NewDisposeScope();
        var hidden = _backbone.forward_hidden(inputIds, attentionMask);                       // (B, T, d)
        var outputs = _score.forward(LastTokenPooling.Pool(hidden, attentionMask));             // (B, num_labels)
        var promptEnd = PromptEndIndex(attentionMask, lossMask);                             // (B)
        var promptHidden = hidden.gather(1, promptEnd.view(-1, 1, 1).expand(-1, 1, hidden.shape[2])).squeeze(1); // (B, d)
        return (outputs.MoveToOuterDisposeScope(), promptHidden.MoveToOuterDisposeScope());
    }
}
