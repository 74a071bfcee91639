namespace PrefSharp.Core.Ranking;

/// <summary>Online Elo settings; defaults are those of Chatbot Arena's notebook (K = 4, scale 400, base 10, start 1000).</summary>
public sealed record EloOptions
{
    /// <summary>The K factor: the largest change of one battle (times the battle's weight); default 4.</summary>
    public double K { get; init; } = 4;

    /// <summary>Every item's starting rating; default 1000.</summary>
    public double InitialRating { get; init; } = 1000;

    /// <summary>Rating points per factor <see cref="Base"/> in the odds; default 400.</summary>
    public double Scale { get; init; } = 400;

    /// <summary>Default 10: a 400-point gap means 10:1 odds.</summary>
    public double Base { get; init; } = 10;

    public BattleOrder Order { get; init; } = BattleOrder.AsGiven;

    public void Validate()
    {
        if (!(K > 0) || double.IsInfinity(K)) throw new ArgumentException($"K must be a positive number (got {K}).", nameof(K));
        if (!double.IsFinite(InitialRating)) throw new ArgumentException($"InitialRating must be finite (got {InitialRating}).", nameof(InitialRating));
        if (!(Scale > 0) || double.IsInfinity(Scale)) throw new ArgumentException($"Scale must be positive (got {Scale}).", nameof(Scale));
        if (!(Base > 1) || double.IsInfinity(Base)) throw new ArgumentException($"Base must be > 1 (got {Base}).", nameof(Base));
    }
}
