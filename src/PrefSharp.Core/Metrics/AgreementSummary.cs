namespace PrefSharp.Core.Metrics;

/// <summary>
/// Agreement among annotators who labelled shared items: majority-vote counts per label (an item whose most
/// frequent label has no strict majority counts under <see cref="AnnotatorAgreement.NoMajority"/>), Cohen's κ for
/// every annotator pair with shared items, and Fleiss' κ over the items rated by the most common number of raters.
/// </summary>
public sealed record AgreementSummary
{
    public int Annotators { get; init; }
    public int Items { get; init; }
    public required IReadOnlyDictionary<string, long> MajorityCounts { get; init; }
    public required IReadOnlyList<PairwiseKappa> CohenKappa { get; init; }
    public double? FleissKappa { get; init; }

    /// <summary>Items used for Fleiss' κ (those with <see cref="FleissRaters"/> raters).</summary>
    public int FleissItems { get; init; }

    public int FleissRaters { get; init; }
}
