namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// An upper bound E[r_k] ≤ θ on one term of a <see cref="Sources.CompositeRewardSource"/> (Moskovitz et al. 2024,
/// "Confronting Reward Model Overoptimization with Constrained RLHF", §4): θ is the term's "proxy point", past which
/// more of that reward stopped tracking the gold reward.
/// </summary>
/// <param name="Term">0-based index of the constrained term.</param>
/// <param name="Threshold">θ, on the term's raw scale.</param>
public sealed record RewardConstraint(int Term, double Threshold);
