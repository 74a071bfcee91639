using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Style-controlled Bradley–Terry (<see cref="StyleControlledBradleyTerry"/>) as a leaderboard model: the ratings
/// are the item terms with the style effect removed; intervals by the battle-level bootstrap (the style covariates
/// travel with their battles and are re-standardised in every round). Uses every default style feature
/// (<see cref="StyleControlOptions.Features"/>) that all battles carry; at least one is required.
/// </summary>
public sealed class StyleControlledLeaderboardModel : LeaderboardModel
{
    private readonly IReadOnlyList<Battle> _battles;
    private readonly StyleControlOptions _options;
    private readonly PairwiseCounts _counts;

    public StyleControlledLeaderboardModel(IReadOnlyList<Battle> battles, StyleControlOptions? options = null)
    {
        _battles = battles;
        _options = WithAvailableFeatures(battles, options ?? new StyleControlOptions());
        _counts = PairwiseCounts.FromBattles(battles);
        Graph = ComparisonGraph.Of(_counts);
        Graph.RequireConnected(_counts.Items, "battles");
    }

    public override string Name => "bt-style";
    public override double EloUnitsPerNaturalUnit => _options.Scale / Math.Log(_options.Base);
    public override ItemIndex Items => _counts.Items;
    public override ComparisonGraph Graph { get; }
    public override ItemTally[] Tallies() => _counts.TallyItems();

    /// <summary>The style features in use (those every battle has on both sides).</summary>
    public IReadOnlyList<string> Features => _options.Features;

    public override StrengthFit Fit() => new("bt-style", Items, Strengths(_battles), double.NaN, double.NaN, 1, true);

    public override double WinProbability(double strengthDifference, double tieParameter) => LogisticFunctions.Sigmoid(strengthDifference);

    public override BootstrapSamples Bootstrap(StrengthFit fit, BootstrapOptions options) =>
        BattleResampling.Bootstrap(_battles, Items, options, Strengths);

    /// <summary>Natural-scale strengths of the style-controlled fit, centred over the items present (the rest NaN).</summary>
    private double[] Strengths(IReadOnlyList<Battle> battles)
    {
        var strengths = Enumerable.Repeat(double.NaN, Items.Count).ToArray();
        foreach (var rating in StyleControlledBradleyTerry.Fit(battles, _options).Ratings)
            strengths[Items.Require(rating.Item, "item")] = (rating.Rating - _options.InitialRating) / EloUnitsPerNaturalUnit;
        var mean = strengths.Where(s => !double.IsNaN(s)).Average();
        for (int k = 0; k < strengths.Length; k++) strengths[k] -= mean;
        return strengths;
    }

    private static StyleControlOptions WithAvailableFeatures(IReadOnlyList<Battle> battles, StyleControlOptions options)
    {
        var available = options.Features.Where(feature => battles.All(b =>
            b.StyleA?.ContainsKey(feature) == true && b.StyleB?.ContainsKey(feature) == true)).ToList();
        if (available.Count == 0)
            throw new ArgumentException(
                $"style control needs style covariates on every battle (style_a / style_b with any of {string.Join(", ", options.Features)}); these battles have none in common.");
        return options with { Features = available };
    }
}
