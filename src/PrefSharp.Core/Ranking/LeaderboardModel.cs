namespace PrefSharp.Core.Ranking;

/// <summary>
/// A model as the leaderboard pipeline sees it: it fits natural-scale strengths, refits bootstrap resamples,
/// converts a strength difference into a win probability and, when it can, gives a sandwich covariance.
/// <see cref="LeaderboardAssembler"/> turns that into ratings, ranks, win rates and intervals. New models
/// (mixtures, style control) subclass this and add one case to <see cref="LeaderboardBuilder.CreateModel"/>.
/// </summary>
public abstract class LeaderboardModel
{
    /// <summary>The CLI name printed in the leaderboard ("bt", "elo", …).</summary>
    public abstract string Name { get; }

    /// <summary>The natural unit's name for the "scale" field: "logit" (default) or "probit".</summary>
    public virtual string NaturalScaleName => "logit";

    /// <summary>Elo points per natural unit: 400/ln 10 for logistic models (default).</summary>
    public virtual double EloUnitsPerNaturalUnit => 400 / Math.Log(10);

    public abstract ItemIndex Items { get; }

    /// <summary>The comparison graph's components (ratings are comparable within a component only).</summary>
    public abstract ComparisonGraph Graph { get; }

    /// <summary>Unweighted battles, wins, ties and losses per item.</summary>
    public abstract ItemTally[] Tallies();

    /// <summary>The full-data fit.</summary>
    public abstract StrengthFit Fit();

    /// <summary>P(win) + ½·P(tie) of an item whose natural strength exceeds its opponent's by <paramref name="strengthDifference"/>.</summary>
    public abstract double WinProbability(double strengthDifference, double tieParameter);

    /// <summary>Refits of bootstrap resamples, warm-started at <paramref name="fit"/>.</summary>
    public abstract BootstrapSamples Bootstrap(StrengthFit fit, BootstrapOptions options);

    /// <summary>The robust covariance of the strengths, or null when the model has none (the default).</summary>
    public virtual RatingCovariance? Sandwich(StrengthFit fit) => null;
}
