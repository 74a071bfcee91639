using PrefSharp.Torch.Losses.Reward;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>The General Preference Model outputs of a reward model (<see cref="GeneralPreferenceConfig"/>).</summary>
public sealed partial class RewardModel
{
    private readonly nn.Module<Tensor, Tensor>? _promptHead;

    private static nn.Module<Tensor, Tensor>? CreatePromptHead(RewardModelConfig config)
    {
        if (config.GeneralPreference is not { PromptGate: true }) return null;
        var gate = nn.Linear(config.Backbone.HiddenSize, config.NumLabels / 2, hasBias: false);
        using var noGrad = no_grad();
        gate.weight!.normal_(0.0, config.Backbone.InitializerRange);
        return gate;
    }

    /// <summary>
    /// Preference embeddings v (B, 2k) read at the last real token (unit length unless the config says otherwise), and with the prompt gate the eigenvalues
    /// λ(x) = k·softmax(W_p h_x) (B, k) read at the prompt's last token (the position before the first token of
    /// <paramref name="lossMask"/>, the completion; the last real token when there is no completion); null without it.
    /// </summary>
    public (Tensor Embeddings, Tensor? Eigenvalues) GeneralPreferenceOutputs(Tensor inputIds, Tensor attentionMask, Tensor lossMask)
    {
        if (!Config.IsGeneralPreference)
            throw new InvalidOperationException("this reward model is not a General Preference Model (config.json has no prefsharp_preference_head = \"gpm\")");
        using var scope = NewDisposeScope();
        var hidden = _backbone.forward_hidden(inputIds, attentionMask);                       // (B, T, d)
        var embeddings = _score.forward(LastTokenPooling.Pool(hidden, attentionMask));          // (B, 2k)
        if (Config.GeneralPreference!.Normalize) embeddings = GeneralPreferenceLoss.Normalize(embeddings);
        if (_promptHead is null) return (embeddings.MoveToOuterDisposeScope(), null);
        var promptEnd = PromptEndIndex(attentionMask, lossMask);                             // (B)
        var promptHidden = hidden.gather(1, promptEnd.view(-1, 1, 1).expand(-1, 1, hidden.shape[2])).squeeze(1); // (B, d)
        var eigenvalues = _promptHead.forward(promptHidden).softmax(1) * (Config.NumLabels / 2);                   // (B, k)
        return (embeddings.MoveToOuterDisposeScope(), eigenvalues.MoveToOuterDisposeScope());
    }

    /// <summary>Index (B) of the last prompt token: one before the first completion token, clamped to [0, last real].</summary>
    public static Tensor PromptEndIndex(Tensor attentionMask, Tensor lossMask)
    {
        using var scope = NewDisposeScope();
        var length = lossMask.shape[1];
        var positions = arange(length, dtype: ScalarType.Int64, device: lossMask.device).unsqueeze(0).expand(lossMask.shape[0], -1);
        var firstCompletion = where(lossMask.gt(0), positions, full_like(positions, length)).amin([1]);   // T when none
        var last = LastTokenPooling.LastRealIndex(attentionMask);
        var end = minimum(firstCompletion - 1, last).clamp_min(0);
        return end.MoveToOuterDisposeScope();
    }
}
