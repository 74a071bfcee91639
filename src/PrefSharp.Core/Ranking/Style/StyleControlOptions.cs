namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Options of <see cref="StyleControlledBradleyTerry"/>; defaults follow Chatbot Arena's style control
/// (FastChat <c>elo_analysis.py</c>, <c>construct_style_matrices</c>, style elements V1).
/// </summary>
public sealed record StyleControlOptions
{
    /// <summary>Style keys read from <c>Battle.StyleA/StyleB</c>. Default: length (tokens), header, list and bold counts.</summary>
    public IReadOnlyList<string> Features { get; init; } = ["length", "header_count", "list_count", "bold_count"];

    /// <summary>
    /// Features normalised as (a − b)/(a + b + 1) before z-scoring; null means all (FastChat <c>apply_ratio=[1,1,1,1]</c>,
    /// <c>add_one=True</c>). Other features enter as the plain difference a − b.
    /// </summary>
    public IReadOnlyList<string>? RatioFeatures { get; init; }

    /// <summary>
    /// L2 penalty λ on all coefficients, per unit battle weight. Default 0.5: FastChat fits sklearn
    /// <c>LogisticRegression</c> (C = 1, i.e. λ = 1) on every battle duplicated, which is λ = 0.5 on the battles once.
    /// </summary>
    public double L2Penalty { get; init; } = 0.5;

    /// <summary>Logistic base: item columns are ±ln(Base), so ratings are on the Elo log₁₀ scale. Default 10.</summary>
    public double Base { get; init; } = 10;

    /// <summary>Elo scale: rating = Scale·β + InitialRating. Default 400.</summary>
    public double Scale { get; init; } = 400;

    /// <summary>Elo offset. Default 1000.</summary>
    public double InitialRating { get; init; } = 1000;

    /// <summary>An item pinned to <see cref="AnchorRating"/> (Arena pins mixtral-8x7b-instruct-v0.1 to 1114); null pins nothing.</summary>
    public string? AnchorItem { get; init; }

    /// <summary>The rating given to <see cref="AnchorItem"/>. Default 1114.</summary>
    public double AnchorRating { get; init; } = 1114;
}
