using PrefSharp.Torch.Rewards;

namespace PrefSharp.Recipes.Curation;

/// <summary>
/// What <see cref="PreferenceCuration"/> does with each pair, from its reward models' preference strengths.
/// </summary>
public sealed record CurationRules
{
    /// <summary>A pair is flagged as mislabelled when its mean strength is below this and every member is below ½ (Secrets of RLHF II: 0.3).</summary>
    public double MaxStrength { get; init; } = PreferenceStrength.DefaultMaxStrength;

    /// <summary>Flagged pairs are swapped (chosen ↔ rejected) instead of dropped, as Secrets of RLHF II does with its lowest-strength data.</summary>
    public bool FlipFlagged { get; init; }

    /// <summary>
    /// Pairs that are not flagged but whose mean strength is below this are dropped: the reward models do not agree with
    /// the label (filtering by reward-model agreement, as Skywork-Reward-V2's curation does); null keeps them.
    /// </summary>
    public double? MinStrength { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule.</summary>
    public CurationRules Validate()
    {
        if (!(MaxStrength > 0 && MaxStrength <= 0.5)) throw new ArgumentException($"must be in (0, 0.5], found {MaxStrength}", nameof(MaxStrength));
        if (MinStrength is { } min && !(min >= 0 && min < 1)) throw new ArgumentException($"must be in [0, 1), found {min}", nameof(MinStrength));
        return this;
    }
}
