namespace PrefSharp.Torch.Rewards.Pluralistic;

/// <summary>How a pluralistic reward model mixes its K components per user.</summary>
public enum PluralisticKind
{
    /// <summary>PAL: users as mixtures of K prototype ideal points (<c>IdealPointRewardLoss</c>).</summary>
    Pal,

    /// <summary>MiCRo: K reward heads mixed by a context-aware router plus a per-user routing term (<c>MixtureRewardLoss</c>).</summary>
    Micro,
}
