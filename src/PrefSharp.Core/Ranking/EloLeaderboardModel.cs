using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Online Elo as a leaderboard model. Natural strengths are β = (R − InitialRating)·ln(Base)/Scale, so the Elo
/// scale gives back R. The bootstrap follows Chatbot Arena's notebook: each round runs Elo on N battles drawn with
/// replacement, in the drawn (random) order — O(N) per round. No sandwich (Elo is not a likelihood fit).
/// </summary>
public sealed class EloLeaderboardModel : LeaderboardModel
{
    private readonly IReadOnlyList<Battle> _battles;
    private readonly EloOptions _options;
    private readonly PairwiseCounts _counts;

    public EloLeaderboardModel(IReadOnlyList<Battle> battles, EloOptions options, bool anchorEachComponent)
    {
        _battles = battles;
        _options = options;
        _counts = PairwiseCounts.FromBattles(battles);
        Graph = ComparisonGraph.Of(_counts);
        if (!anchorEachComponent) Graph.RequireConnected(_counts.Items, "battles");
    }

    public override string Name => "elo";
    public override double EloUnitsPerNaturalUnit => _options.Scale / Math.Log(_options.Base);
    public override ItemIndex Items => _counts.Items;
    public override ComparisonGraph Graph { get; }
    public override ItemTally[] Tallies() => _counts.TallyItems();

    public override StrengthFit Fit() =>
        new("elo", Items, ToStrengths(OnlineElo.Run(_battles, new ItemIndex(Items.Names), _options)), double.NaN, double.NaN, _battles.Count, true);

    public override double WinProbability(double strengthDifference, double tieParameter) => LogisticFunctions.Sigmoid(strengthDifference);

    public override BootstrapSamples Bootstrap(StrengthFit fit, BootstrapOptions options)
    {
        var unordered = _options with { Order = BattleOrder.AsGiven };
        return BattleResampling.Bootstrap(_battles, Items, options, resample => ToStrengths(OnlineElo.Run(resample, new ItemIndex(Items.Names), unordered)));
    }

    private double[] ToStrengths(double[] ratings) =>
        [.. ratings.Select(r => (r - _options.InitialRating) / EloUnitsPerNaturalUnit)];
}
