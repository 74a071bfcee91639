namespace PrefSharp.Core.Ranking;

/// <summary>
/// Builds a <see cref="Leaderboard"/> from a <see cref="LeaderboardModel"/>: the full fit gives ratings (on the
/// chosen scale, anchored), competition ranks and modelled win rates against the baseline; intervals come from
/// the percentile bootstrap (ratings, ranks and win rates each from their own bootstrap distribution) or from
/// the sandwich covariance (normal intervals; ranks as Chatbot Arena: rank_lo = 1 + #{j : lo_j &gt; hi_i},
/// rank_hi = n − #{j : hi_j &lt; lo_i}; win-rate bounds by the delta method on the log-odds scale).
/// </summary>
public static partial class LeaderboardAssembler
{
    public static Leaderboard Assemble(LeaderboardModel model, LeaderboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        options.Validate();
        ItemIndex items = model.Items;
        int? anchor = options.AnchorItem is null ? null : items.Require(options.AnchorItem, nameof(options.AnchorItem));
        int? baseline = options.Baseline is null ? null : items.Require(options.Baseline, nameof(options.Baseline));
        if (options.Intervals == IntervalMethod.Bootstrap) IntervalMemory.RequireBootstrap(options.BootstrapRounds, items.Count);
        if (options.Intervals == IntervalMethod.Sandwich) IntervalMemory.RequireSandwich(items.Count);
        StrengthFit fit = model.Fit();
        bool elo = options.Scale == RatingScale.Elo;
        var presentation = new RatingPresentation(model.Graph, anchor, elo ? model.EloUnitsPerNaturalUnit : 1, options.EffectiveAnchorRating);
        double[] ratings = presentation.Ratings(fit.Strengths);
        int[] ranks = Percentiles.Ranks(ratings);
        double[]? winRates = baseline is { } b ? WinRates(model, fit.Strengths, fit.TieParameter, b) : null;
        Intervals? intervals = options.Intervals switch
        {
            IntervalMethod.Bootstrap => FromBootstrap(model, fit, options, presentation, baseline),
            IntervalMethod.Sandwich => FromSandwich(model, fit, options, presentation, ratings, winRates, baseline),
            _ => null,
        };
        ItemTally[] tallies = model.Tallies();
        var rows = Enumerable.Range(0, items.Count).Select(k => new LeaderboardItem
        {
            Name = items[k],
            Rating = ratings[k],
            RatingLo = intervals?.RatingLo[k],
            RatingHi = intervals?.RatingHi[k],
            Rank = ranks[k],
            RankLo = intervals?.RankLo[k],
            RankHi = intervals?.RankHi[k],
            WinRate = Defined(winRates, k),
            WinRateLo = Defined(intervals?.WinRateLo, k),
            WinRateHi = Defined(intervals?.WinRateHi, k),
            Battles = tallies[k].Battles,
            Wins = tallies[k].Wins,
            Ties = tallies[k].Ties,
            Losses = tallies[k].Losses,
        }).OrderBy(row => row.Rank).ThenByDescending(row => row.Rating).ThenBy(row => row.Name, StringComparer.Ordinal).ToList();
        return new Leaderboard
        {
            Model = model.Name,
            Scale = elo ? "elo" : model.NaturalScaleName,
            Items = rows,
            Baseline = options.Baseline,
            Intervals = options.Intervals,
            CiLevel = options.CiLevel,
            BootstrapRounds = options.Intervals == IntervalMethod.Bootstrap ? options.BootstrapRounds : 0,
            DegenerateRounds = intervals?.DegenerateRounds ?? 0,
            TieParameter = double.IsNaN(fit.ReportedTieParameter) ? null : fit.ReportedTieParameter,
        };
    }

    /// <summary>Percent win rates against the baseline; NaN for items in another component (not comparable).</summary>
    private static double[] WinRates(LeaderboardModel model, ReadOnlySpan<double> strengths, double tie, int baseline)
    {
        var rates = new double[strengths.Length];
        for (int k = 0; k < rates.Length; k++)
            rates[k] = model.Graph.ComponentOf[k] == model.Graph.ComponentOf[baseline]
                ? 100 * model.WinProbability(strengths[k] - strengths[baseline], tie)
                : double.NaN;
        return rates;
    }

    private static double? Defined(double[]? values, int k) => values is null || double.IsNaN(values[k]) ? null : values[k];

    private sealed record Intervals(double[] RatingLo, double[] RatingHi, int[] RankLo, int[] RankHi,
        double[]? WinRateLo, double[]? WinRateHi, int DegenerateRounds);
}
