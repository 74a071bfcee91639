namespace PrefSharp.Core.Ranking;

/// <summary>
/// Everything <see cref="LeaderboardBuilder"/> needs, with Chatbot Arena's defaults: Bradley–Terry, Elo scale
/// centred at 1000, 1000 bootstrap rounds (fast pair-count resampling), 95% percentile intervals, seed 0.
/// <see cref="Validate"/> throws <see cref="ArgumentException"/> naming the option and its allowed range.
/// </summary>
public sealed record LeaderboardOptions
{
    /// <summary>Default <see cref="RankingModel.BradleyTerry"/> ("bt").</summary>
    public RankingModel Model { get; init; } = RankingModel.BradleyTerry;

    /// <summary>Default <see cref="RatingScale.Elo"/>.</summary>
    public RatingScale Scale { get; init; } = RatingScale.Elo;

    /// <summary>The rating of the anchor (the anchor item, or else the mean of all items); null: 1000 on the Elo scale, 0 on the natural scale.</summary>
    public double? AnchorRating { get; init; }

    /// <summary>An item fixed at <see cref="AnchorRating"/> (Chatbot Arena fixes one model); null centres the mean instead.</summary>
    public string? AnchorItem { get; init; }

    /// <summary>The item that win rates are computed against; null leaves the win-rate fields empty.</summary>
    public string? Baseline { get; init; }

    /// <summary>Default <see cref="IntervalMethod.Bootstrap"/>.</summary>
    public IntervalMethod Intervals { get; init; } = IntervalMethod.Bootstrap;

    /// <summary>Bootstrap rounds; default 1000.</summary>
    public int BootstrapRounds { get; init; } = 1000;

    /// <summary>Default <see cref="Ranking.BootstrapMethod.PairCounts"/> (multinomial on aggregated counts).</summary>
    public BootstrapMethod BootstrapMethod { get; init; } = BootstrapMethod.PairCounts;

    /// <summary>Seed of the bootstrap; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Two-sided confidence level of the intervals, in (0, 1); default 0.95.</summary>
    public double CiLevel { get; init; } = 0.95;

    /// <summary>Gaussian-prior precision on the natural-scale strengths (L2); default 0 (plain MLE).</summary>
    public double PriorPrecision { get; init; }

    /// <summary>Also report AlpacaEval's empirical win rate and standard error against <see cref="Baseline"/>; default false.</summary>
    public bool DirectWinRates { get; init; }

    /// <summary>Fit Arena's style-controlled Bradley–Terry (ratings with the style effect removed); bt only; default false.</summary>
    public bool StyleControl { get; init; }

    /// <summary>Also report AlpacaEval's length-controlled win rate against <see cref="Baseline"/> (lc_win_rate); default false.</summary>
    public bool LengthControl { get; init; }

    /// <summary>Allow a disconnected comparison graph, centring each component separately; default false (an error).</summary>
    public bool AnchorEachComponent { get; init; }

    /// <summary>Online Elo's K factor; default 4.</summary>
    public double EloK { get; init; } = 4;

    /// <summary>Online Elo's processing order; default as given.</summary>
    public BattleOrder EloOrder { get; init; } = BattleOrder.AsGiven;

    /// <summary>Threads for bootstrap rounds; −1 (default) uses all cores; results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The anchor rating in effect: <see cref="AnchorRating"/>, or 1000 (Elo scale) / 0 (natural scale).</summary>
    public double EffectiveAnchorRating => AnchorRating ?? (Scale == RatingScale.Elo ? 1000 : 0);

    public StrengthFitOptions FitOptions => new() { PriorPrecision = PriorPrecision, AnchorEachComponent = AnchorEachComponent };

    public BootstrapOptions BootstrapOptions => new()
    {
        Rounds = BootstrapRounds, Seed = Seed, Method = BootstrapMethod, MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    };

    public void Validate()
    {
        if (!Enum.IsDefined(Model)) throw new ArgumentException($"Model: unknown value {Model}.", nameof(Model));
        if (!Enum.IsDefined(Scale)) throw new ArgumentException($"Scale: unknown value {Scale}.", nameof(Scale));
        if (AnchorRating is { } anchor && !double.IsFinite(anchor))
            throw new ArgumentException($"AnchorRating must be finite (got {anchor}).", nameof(AnchorRating));
        if (!(CiLevel > 0 && CiLevel < 1)) throw new ArgumentException($"CiLevel must be in (0, 1) (got {CiLevel}).", nameof(CiLevel));
        if (BootstrapRounds < 1) throw new ArgumentException($"BootstrapRounds must be ≥ 1 (got {BootstrapRounds}).", nameof(BootstrapRounds));
        if (Intervals == IntervalMethod.Sandwich && Model is RankingModel.Elo or RankingModel.PlackettLuce)
            throw new ArgumentException($"Intervals: the sandwich covariance needs a pairwise likelihood model (bt, rao-kupper, davidson, thurstone), not {RankingModelNames.NameOf(Model)}; use Bootstrap.", nameof(Intervals));
        if (!(EloK > 0) || double.IsInfinity(EloK)) throw new ArgumentException($"EloK must be positive (got {EloK}).", nameof(EloK));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentException($"MaxDegreeOfParallelism must be −1 or ≥ 1 (got {MaxDegreeOfParallelism}).", nameof(MaxDegreeOfParallelism));
        if (StyleControl && Model != RankingModel.BradleyTerry)
            throw new ArgumentException($"StyleControl: style control is a Bradley–Terry model; use bt, not {RankingModelNames.NameOf(Model)}.", nameof(StyleControl));
        if (StyleControl && Intervals == IntervalMethod.Sandwich)
            throw new ArgumentException("Intervals: style control takes bootstrap intervals, not the sandwich.", nameof(Intervals));
        if (LengthControl && Baseline is null)
            throw new ArgumentException("LengthControl: length-controlled win rates are against a baseline; set Baseline.", nameof(LengthControl));
        if (DirectWinRates && Baseline is null)
            throw new ArgumentException("DirectWinRates: AlpacaEval win rates are against a baseline; set Baseline.", nameof(DirectWinRates));
        FitOptions.Validate();
    }
}
