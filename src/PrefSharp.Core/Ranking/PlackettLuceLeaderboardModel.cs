using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Plackett–Luce as a leaderboard model, from rankings or from battles (a battle is a two-item ranking; its score s
/// splits its weight w into w·s for "A ahead" and w·(1 − s) for "B ahead", so ties count half, as in Bradley–Terry).
/// MM fit (L-BFGS with a prior); the bootstrap resamples observations, and an item absent from a resample has no
/// strength in that round (NaN), so its interval comes from the rounds it appears in. Counts: from battles as usual;
/// from rankings, the pairwise comparisons they imply (each ranked item beats every item listed below it), so a
/// driver placed 3rd of 43 has 40 wins and 2 losses.
/// </summary>
public sealed class PlackettLuceLeaderboardModel : LeaderboardModel
{
    private readonly ChoiceData _data;
    private readonly StrengthFitOptions _fitOptions;
    private readonly ItemTally[] _tallies;

    private PlackettLuceLeaderboardModel(ChoiceData data, ItemTally[] tallies, StrengthFitOptions fitOptions)
    {
        _data = data;
        _tallies = tallies;
        _fitOptions = fitOptions;
        Graph = ChoiceGraph.Components(data);
    }

    public static PlackettLuceLeaderboardModel FromBattles(IReadOnlyList<Battle> battles, StrengthFitOptions fitOptions)
    {
        var counts = PairwiseCounts.FromBattles(battles);
        var data = new ChoiceData(new ItemIndex(counts.Items.Names));
        foreach (Battle battle in battles)
        {
            if (battle.ScoreA > 0) data.AddRanking([battle.ItemA, battle.ItemB], battle.Weight * battle.ScoreA);
            if (battle.ScoreA < 1) data.AddRanking([battle.ItemB, battle.ItemA], battle.Weight * (1 - battle.ScoreA));
        }
        return new PlackettLuceLeaderboardModel(data, counts.TallyItems(), fitOptions);
    }

    public static PlackettLuceLeaderboardModel FromChoices(ChoiceData data, StrengthFitOptions fitOptions)
    {
        var tallies = new ItemTally[data.Items.Count];
        for (int obs = 0; obs < data.Count; obs++)
        {
            int[] set = data.Sets[obs];
            for (int stage = 0; stage < data.Stages[obs]; stage++)
                for (int below = stage + 1; below < set.Length; below++)
                {
                    tallies[set[stage]] = tallies[set[stage]].Add(1, 0, 0);
                    tallies[set[below]] = tallies[set[below]].Add(0, 0, 1);
                }
        }
        return new PlackettLuceLeaderboardModel(data, tallies, fitOptions);
    }

    public override string Name => "plackett-luce";
    public override ItemIndex Items => _data.Items;
    public override ComparisonGraph Graph { get; }
    public override ItemTally[] Tallies() => _tallies;

    public override StrengthFit Fit() => PlackettLuce.Fit(_data, Method(_fitOptions), _fitOptions);

    public override double WinProbability(double strengthDifference, double tieParameter) => LogisticFunctions.Sigmoid(strengthDifference);

    public override BootstrapSamples Bootstrap(StrengthFit fit, BootstrapOptions options)
    {
        options.Validate();
        var strengths = new double[options.Rounds][];
        int degenerate = 0;
        var parallel = options.Parallelism;
        Parallel.For(0, options.Rounds, parallel, round =>
        {
            ChoiceData resample = _data.Resample(SeedSequence.ForRound(options.Seed, round));
            var graph = ChoiceGraph.Components(resample);
            bool[] present = resample.Appearing();
            int absent = present.Count(p => !p);  // each absent item is a component of its own in the resample
            bool finite = graph.ComponentCount == Graph.ComponentCount + absent
                && (_fitOptions.PriorPrecision > 0 || ChoiceGraph.DescribeInfiniteEstimates(resample, graph) is null);
            var used = finite ? _fitOptions : _fitOptions with { PriorPrecision = Math.Max(_fitOptions.PriorPrecision, PairwiseBootstrap.FallbackPriorPrecision) };
            if (!finite) Interlocked.Increment(ref degenerate);
            double[] fitted = Method(used) == PlackettLuceMethod.Lbfgs
                ? PlackettLuce.FitByLbfgs(resample, used, graph, fit).Strengths
                : PlackettLuce.FitByMinorizationMaximization(resample, used, graph, fit).Strengths;
            strengths[round] = [.. fitted.Select((strength, item) => present[item] ? strength : double.NaN)];
        });
        return new BootstrapSamples(strengths, Enumerable.Repeat(double.NaN, options.Rounds).ToArray(), degenerate);
    }

    private static PlackettLuceMethod Method(StrengthFitOptions options) =>
        options.PriorPrecision > 0 ? PlackettLuceMethod.Lbfgs : PlackettLuceMethod.MinorizationMaximization;
}
