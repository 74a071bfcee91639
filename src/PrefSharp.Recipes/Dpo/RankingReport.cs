using System.Globalization;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// How a DPO policy ranks a set of pairs against its reference (Chen et al. 2024, "Preference Learning Algorithms Do
/// Not Learn Preference Rankings"; see <see cref="PrefSharp.Core.Metrics.RankingAccuracy"/>).
/// </summary>
/// <param name="Pairs">Pairs evaluated.</param>
/// <param name="RankingAccuracy">Share with πθ(y_w|x) &gt; πθ(y_l|x) (ties ½).</param>
/// <param name="ReferenceRankingAccuracy">The same for π_ref.</param>
/// <param name="IdealisedRankingAccuracy">That of the exact DPO optimum at β from π_ref and each pair's preference probability (Theorem 3.1).</param>
/// <param name="SoftLabelled">Pairs with a preference probability; the others count as hard labels (α = 1), which the optimum always ranks right.</param>
/// <param name="RewardAccuracy">Share with a positive implicit reward margin β·[(log πθ − log π_ref)(y_w) − (log πθ − log π_ref)(y_l)] (ties ½).</param>
/// <param name="MeanRewardMargin">Mean implicit reward margin.</param>
/// <param name="Beta">The β of the implicit reward and of the optimum.</param>
public sealed record RankingReport(int Pairs, double RankingAccuracy, double ReferenceRankingAccuracy, double IdealisedRankingAccuracy,
    int SoftLabelled, double RewardAccuracy, double MeanRewardMargin, double Beta)
{
    /// <summary>Idealised minus observed ranking accuracy: the paper's alignment gap.</summary>
    public double AlignmentGap => IdealisedRankingAccuracy - RankingAccuracy;

    /// <summary>One line: <c>ranking 0.5800 (reference 0.5500, idealised 0.9100, gap 0.3300; 120 of 200 pairs soft-labelled), implicit reward accuracy 0.6400</c>.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"ranking {RankingAccuracy:F4} (reference {ReferenceRankingAccuracy:F4}, idealised {IdealisedRankingAccuracy:F4} at β {Beta:G4}, gap {AlignmentGap:F4}; "
        + $"{SoftLabelled} of {Pairs} pairs soft-labelled), implicit reward accuracy {RewardAccuracy:F4}, mean margin {MeanRewardMargin:F4}");
}
