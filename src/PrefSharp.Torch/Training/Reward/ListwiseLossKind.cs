namespace PrefSharp.Torch.Training.Reward;

/// <summary>The listwise loss a <see cref="ListwiseRewardObjective"/> trains with.</summary>
public enum ListwiseLossKind
{
    /// <summary>Plackett–Luce negative log-likelihood of the order (<c>PlackettLuceRewardLoss</c>); labels unused.</summary>
    PlackettLuce,

    /// <summary>ListNet top-one cross-entropy against softmax(labels / τ) (<c>ListNetRewardLoss</c>).</summary>
    ListNet,
}
