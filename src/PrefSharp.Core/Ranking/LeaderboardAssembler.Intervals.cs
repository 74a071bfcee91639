namespace PrefSharp.Core.Ranking;

public static partial class LeaderboardAssembler
{
    private static Intervals FromBootstrap(LeaderboardModel model, StrengthFit fit, LeaderboardOptions options,
        RatingPresentation presentation, int? baseline)
    {
        BootstrapSamples samples = model.Bootstrap(fit, options.BootstrapOptions);
        int n = fit.Strengths.Length, rounds = samples.Rounds;
        var ratingDraws = new double[n][];
        var rankDraws = new int[n][];
        var winDraws = baseline is null ? null : new double[n][];
        for (int k = 0; k < n; k++)
        {
            ratingDraws[k] = new double[rounds];
            rankDraws[k] = new int[rounds];
            if (winDraws is not null) winDraws[k] = new double[rounds];
        }
        for (int round = 0; round < rounds; round++)
        {
            double[] ratings = presentation.Ratings(samples.Strengths[round]);
            int[] ranks = Percentiles.Ranks(ratings);
            double[]? wins = baseline is { } b ? WinRates(model, samples.Strengths[round], samples.TieParameters[round], b) : null;
            for (int k = 0; k < n; k++)
            {
                ratingDraws[k][round] = ratings[k];
                rankDraws[k][round] = ranks[k];
                if (winDraws is not null) winDraws[k][round] = wins![k];
            }
        }
        double lower = (1 - options.CiLevel) / 2, upper = 1 - lower;
        var result = new Intervals(new double[n], new double[n], new int[n], new int[n],
            winDraws is null ? null : new double[n], winDraws is null ? null : new double[n], samples.DegenerateRounds);
        for (int k = 0; k < n; k++)
        {
            // Rounds whose resample lacked the item carry NaN: the item's intervals use the rounds it appears in.
            double[] rated = Sorted(ratingDraws[k].Where(r => !double.IsNaN(r)));
            int[] ranked = [.. rankDraws[k].Where((_, round) => !double.IsNaN(ratingDraws[k][round])).Order()];
            bool seen = rated.Length > 0;
            result.RatingLo[k] = seen ? Percentiles.Linear(rated, lower) : double.NaN;
            result.RatingHi[k] = seen ? Percentiles.Linear(rated, upper) : double.NaN;
            result.RankLo[k] = seen ? Percentiles.InvertedCdf(ranked, lower) : 1;
            result.RankHi[k] = seen ? Percentiles.InvertedCdf(ranked, upper) : n;
            if (winDraws is null) continue;
            double[] won = Sorted(winDraws[k].Where(w => !double.IsNaN(w)));
            result.WinRateLo![k] = won.Length == 0 ? double.NaN : Percentiles.Linear(won, lower);
            result.WinRateHi![k] = won.Length == 0 ? double.NaN : Percentiles.Linear(won, upper);
        }
        return result;
    }

    private static double[] Sorted(IEnumerable<double> values) => [.. values.Order()];

    private static Intervals FromSandwich(LeaderboardModel model, StrengthFit fit, LeaderboardOptions options,
        RatingPresentation presentation, double[] ratings, double[]? winRates, int? baseline)
    {
        RatingCovariance covariance = model.Sandwich(fit)
            ?? throw new ArgumentException($"Intervals: model {model.Name} has no sandwich covariance; use Bootstrap.", nameof(options.Intervals));
        double z = NormalDistribution.Quantile(1 - (1 - options.CiLevel) / 2);
        int n = ratings.Length;
        var result = new Intervals(new double[n], new double[n], new int[n], new int[n],
            winRates is null ? null : new double[n], winRates is null ? null : new double[n], 0);
        for (int k = 0; k < n; k++)
        {
            double halfWidth = z * Math.Sqrt(covariance.Variance(presentation.Contrast(k)));
            result.RatingLo[k] = ratings[k] - halfWidth;
            result.RatingHi[k] = ratings[k] + halfWidth;
        }
        for (int k = 0; k < n; k++)
        {
            int above = 0, below = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == k) continue;
                if (result.RatingLo[j] > result.RatingHi[k]) above++;
                if (result.RatingHi[j] < result.RatingLo[k]) below++;
            }
            result.RankLo[k] = 1 + above;
            result.RankHi[k] = n - below;
        }
        if (winRates is null || baseline is not { } b) return result;
        for (int k = 0; k < n; k++)
        {
            if (double.IsNaN(winRates[k])) { result.WinRateLo![k] = result.WinRateHi![k] = double.NaN; continue; }
            double difference = fit.Strengths[k] - fit.Strengths[b];
            double halfWidth = z * Math.Sqrt(covariance.DifferenceVariance(k, b));
            result.WinRateLo![k] = 100 * model.WinProbability(difference - halfWidth, fit.TieParameter);
            result.WinRateHi![k] = 100 * model.WinProbability(difference + halfWidth, fit.TieParameter);
        }
        return result;
    }
}
