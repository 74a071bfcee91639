using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// The one-call façade for the CLI: battles (or rankings) and a <see cref="LeaderboardOptions"/> in, a
/// <see cref="Leaderboard"/> out. Bad input raises <see cref="ArgumentException"/> (an item against itself, no
/// battles, an unknown baseline or anchor listing available items, a disconnected graph naming its components).
/// With <see cref="LeaderboardOptions.DirectWinRates"/> the battles are AlpacaEval annotations: one that compares
/// an item with itself counts toward AlpacaEval's win rate (<see cref="DirectWinRate"/>) and, carrying no
/// information about a strength difference, is left out of the model's fit.
/// </summary>
public static partial class LeaderboardBuilder
{
    public static Leaderboard Build(IReadOnlyList<Battle> battles, LeaderboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(battles);
        options ??= new LeaderboardOptions();
        options.Validate();
        var fitted = options.DirectWinRates ? battles.Where(b => b.ItemA != b.ItemB).ToList() : battles;
        var board = LeaderboardAssembler.Assemble(CreateModel(fitted, options), options);
        if (options.DirectWinRates) board = WithDirectWinRates(board, battles, options.Baseline!);
        return options.LengthControl ? WithLengthControl(board, fitted, options.Baseline!) : board;
    }

    /// <summary>
    /// A leaderboard of a pairwise model (bt, rao-kupper, davidson, thurstone) from counts alone, such as
    /// <c>BattleCountReader</c> streams from a battle log; the same numbers as from the battles themselves.
    /// </summary>
    public static Leaderboard Build(PairwiseCounts counts, LeaderboardOptions options)
    {
        options.Validate();
        if (options.StyleControl || options.LengthControl || options.DirectWinRates)
            throw new ArgumentException("Counts: style control, length control and AlpacaEval win rates need the battles themselves.", nameof(counts));
        LeaderboardModel model = options.Model switch
        {
            RankingModel.BradleyTerry => new PairwiseLeaderboardModel<BradleyTerryLikelihood>(counts, new(), options.FitOptions),
            RankingModel.RaoKupper => new PairwiseLeaderboardModel<RaoKupperLikelihood>(counts, new(), options.FitOptions),
            RankingModel.Davidson => new PairwiseLeaderboardModel<DavidsonLikelihood>(counts, new(), options.FitOptions),
            RankingModel.Thurstone => new PairwiseLeaderboardModel<ThurstoneLikelihood>(counts, new(), options.FitOptions, "probit", 200 * Math.Sqrt(2)),
            _ => throw new ArgumentException($"Model: {RankingModelNames.NameOf(options.Model)} needs the battles themselves, not counts.", nameof(options.Model)),
        };
        return LeaderboardAssembler.Assemble(model, options);
    }

    /// <summary>A Plackett–Luce leaderboard of rankings (best first, possibly partial) or choices.</summary>
    public static Leaderboard Build(IEnumerable<ItemRanking> rankings, LeaderboardOptions? options = null)
    {
        options ??= new LeaderboardOptions { Model = RankingModel.PlackettLuce };
        options.Validate();
        if (options.Model != RankingModel.PlackettLuce)
            throw new ArgumentException($"Model: rankings need plackett-luce, not {RankingModelNames.NameOf(options.Model)}.", nameof(options.Model));
        var model = PlackettLuceLeaderboardModel.FromChoices(ChoiceData.FromRankings(rankings), options.FitOptions);
        return LeaderboardAssembler.Assemble(model, options);
    }

    /// <summary>The model for the options: one case per <see cref="RankingModel"/>.</summary>
    public static LeaderboardModel CreateModel(IReadOnlyList<Battle> battles, LeaderboardOptions options) => options.Model switch
    {
        RankingModel.BradleyTerry when options.StyleControl => new StyleControlledLeaderboardModel(battles),
        RankingModel.BradleyTerry => new PairwiseLeaderboardModel<BradleyTerryLikelihood>(battles, new(), options.FitOptions),
        RankingModel.RaoKupper => new PairwiseLeaderboardModel<RaoKupperLikelihood>(battles, new(), options.FitOptions),
        RankingModel.Davidson => new PairwiseLeaderboardModel<DavidsonLikelihood>(battles, new(), options.FitOptions),
        RankingModel.Thurstone => new PairwiseLeaderboardModel<ThurstoneLikelihood>(battles, new(), options.FitOptions, "probit", 200 * Math.Sqrt(2)),
        RankingModel.Elo => new EloLeaderboardModel(battles, new EloOptions { K = options.EloK, Order = options.EloOrder }, options.AnchorEachComponent),
        RankingModel.PlackettLuce => PlackettLuceLeaderboardModel.FromBattles(battles, options.FitOptions),
        _ => throw new ArgumentException($"Model: unknown model {options.Model}.", nameof(options.Model)),
    };
}
