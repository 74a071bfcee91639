using PrefSharp.Core.Data;
using PrefSharp.Torch.Losses.Preference;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The one per-pair number a loss list reads from the data, carried as <see cref="Batches.TokenizedPair.Weight"/>: the
/// soft label P(y_w ≻ y_l) for soft-label DPO and iREPO, the reward margin δ = r(y_w) − r(y_l) for MM-DPO's dynamic β
/// (Zhang et al. 2025, §5), and nothing for the other losses.
/// </summary>
public static class PairValues
{
    /// <summary>True when <paramref name="losses"/> read soft labels.</summary>
    public static bool ReadsSoftLabels(IEnumerable<WeightedLoss> losses) => losses.Any(l => l.Type is PreferenceLossType.SoftLabel or PreferenceLossType.Irepo);

    /// <summary>True when <paramref name="losses"/> read reward margins.</summary>
    public static bool ReadsRewardMargins(IEnumerable<WeightedLoss> losses) => losses.Any(l => l.Type == PreferenceLossType.DynamicBeta);

    /// <summary>What <paramref name="losses"/> read from each pair; null when none reads anything.</summary>
    public static Func<PreferencePair, double?>? For(IReadOnlyList<WeightedLoss> losses)
    {
        var (soft, margins) = (ReadsSoftLabels(losses), ReadsRewardMargins(losses));
        if (soft && margins) throw new ArgumentException("dynamic_beta reads reward margins and soft_label/irepo read soft labels: a pair carries one of them; train them apart", nameof(losses));
        return soft ? pair => pair.SoftLabel : margins ? RewardMargin : null;
    }

    /// <summary>The pair's <see cref="PreferencePair.Margin"/>, else score_chosen − score_rejected; a pair with neither is refused.</summary>
    public static double? RewardMargin(PreferencePair pair) => pair.Margin
        ?? (pair.ScoreChosen - pair.ScoreRejected)
        ?? throw new DataFormatException(pair.Location, "margin", "dynamic_beta needs a reward margin for every pair",
            "a 'margin' field, or 'score_chosen' and 'score_rejected'");
}
