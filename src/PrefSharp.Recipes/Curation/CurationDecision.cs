namespace PrefSharp.Recipes.Curation;

/// <summary>What curation did with one pair.</summary>
public enum CurationDecision
{
    /// <summary>Written as read.</summary>
    Kept,

    /// <summary>Flagged as mislabelled and written with chosen and rejected swapped.</summary>
    Flipped,

    /// <summary>Flagged as mislabelled and left out.</summary>
    DroppedFlagged,

    /// <summary>Not flagged, but the reward models' mean strength is below <see cref="CurationRules.MinStrength"/>; left out.</summary>
    DroppedDisagreement,
}
