namespace PrefSharp.Core.Ranking.Active;

/// <summary>The recommended next comparison.</summary>
/// <param name="ItemA">First item of the chosen pair.</param>
/// <param name="ItemB">Second item.</param>
/// <param name="ExpectedReduction">Expected reduction of the criterion from one battle of the pair.</param>
/// <param name="CurrentUncertainty">The criterion now.</param>
/// <param name="Criterion">The criterion used.</param>
/// <param name="TopCandidates">The best candidates, best first (the chosen pair first).</param>
public sealed record ActiveComparisonChoice(string ItemA, string ItemB, double ExpectedReduction, double CurrentUncertainty,
    ActiveSelectionCriterion Criterion, IReadOnlyList<CandidatePair> TopCandidates);
