namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>One annotator's agreement with the consensus.</summary>
/// <param name="Annotator">The annotator (Judge; "(unknown)" when absent).</param>
/// <param name="NonTieCount">Labels with ScoreA ≠ ½.</param>
/// <param name="Agreement">Weighted fraction of those labels whose winner is the consensus favourite (NaN when none).</param>
public sealed record AnnotatorAgreementEntry(string Annotator, int NonTieCount, double Agreement);
