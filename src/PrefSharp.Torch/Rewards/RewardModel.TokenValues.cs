using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

public sealed partial class RewardModel
{
    /// <summary>
    /// The scalar head read at every position instead of the last real token: (B, T) ids and mask → (B, T). A PPO
    /// critic initialised from a reward model (Ouyang et al. 2022, §3.5: "the value function is initialised from the
    /// RM") predicts the value of each prefix this way.
    /// </summary>
    public Tensor TokenValues(Tensor inputIds, Tensor attentionMask)
    {
        if (Config.NumLabels != 1 || Config.IsGeneralPreference)
            throw new InvalidOperationException($"a critic needs a scalar reward model (num_labels = 1), found num_labels = {Config.NumLabels}");
        using var scope = NewDisposeScope();
        var hidden = _backbone.forward_hidden(inputIds, attentionMask);    // (B, T, d)
        return _score.forward(hidden).squeeze(-1).MoveToOuterDisposeScope();
    }
}
