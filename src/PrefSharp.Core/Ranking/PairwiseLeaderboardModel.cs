using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Any <see cref="IPairwiseLikelihood"/> (Bradley–Terry, Rao–Kupper, Davidson, Thurstone) as a leaderboard model:
/// battles aggregated once into <see cref="PairwiseCounts"/>, Newton fits, fast or battle-level bootstrap, sandwich.
/// </summary>
public sealed class PairwiseLeaderboardModel<TModel> : LeaderboardModel where TModel : struct, IPairwiseLikelihood
{
    private readonly IReadOnlyList<Battle>? _battles;
    private readonly TModel _model;
    private readonly StrengthFitOptions _fitOptions;
    private readonly PairwiseCounts _counts;

    /// <param name="battles">The battles.</param>
    /// <param name="model">The pairwise likelihood.</param>
    /// <param name="fitOptions">Prior, tolerance, component handling.</param>
    /// <param name="naturalScaleName">"logit" or "probit".</param>
    /// <param name="eloUnitsPerNaturalUnit">400/ln 10 for logistic models, 200√2 for Thurstone.</param>
    public PairwiseLeaderboardModel(IReadOnlyList<Battle> battles, TModel model, StrengthFitOptions fitOptions,
        string naturalScaleName = "logit", double eloUnitsPerNaturalUnit = 173.71779276130073)
        : this(PairwiseCounts.FromBattles(battles), model, fitOptions, naturalScaleName, eloUnitsPerNaturalUnit)
    {
        _battles = battles;
    }

    /// <summary>The model on counts alone (streamed battles): the battle-level bootstrap is not available.</summary>
    public PairwiseLeaderboardModel(PairwiseCounts counts, TModel model, StrengthFitOptions fitOptions,
        string naturalScaleName = "logit", double eloUnitsPerNaturalUnit = 173.71779276130073)
    {
        _model = model;
        _fitOptions = fitOptions;
        _counts = counts;
        Graph = ComparisonGraph.Of(_counts);
        NaturalScaleName = naturalScaleName;
        EloUnitsPerNaturalUnit = eloUnitsPerNaturalUnit;
    }

    public override string Name => _model.Name;
    public override string NaturalScaleName { get; }
    public override double EloUnitsPerNaturalUnit { get; }
    public override ItemIndex Items => _counts.Items;
    public override ComparisonGraph Graph { get; }

    /// <summary>The aggregated counts (fitted once, resampled by the fast bootstrap).</summary>
    public PairwiseCounts Counts => _counts;

    public override ItemTally[] Tallies() => _counts.TallyItems();

    public override StrengthFit Fit() => PairwiseNewtonSolver.Fit(_counts, _model, _fitOptions);

    public override double WinProbability(double strengthDifference, double tieParameter) =>
        _model.ExpectedScore(strengthDifference, tieParameter);

    public override BootstrapSamples Bootstrap(StrengthFit fit, BootstrapOptions options) => options.Method switch
    {
        BootstrapMethod.PairCounts => PairwiseBootstrap.OnPairCounts(_counts, _model, fit, options, _fitOptions),
        _ => PairwiseBootstrap.OnBattles(_battles ?? throw new ArgumentException("BootstrapMethod: the battle-level bootstrap needs the battles, not counts; use PairCounts.", nameof(options)),
            _counts.Items, _model, fit, options, _fitOptions),
    };

    public override RatingCovariance? Sandwich(StrengthFit fit) => SandwichCovariance.Compute(_counts, _model, fit, _fitOptions);
}
