using PrefSharp.Core.Ranking;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// NASCAR 2002 (Hunter 2004, §6): 36 races, 83 drivers, rows "DriverID Race Place". The MM and L-BFGS fits must
/// reach the same optimum, and the top of the ranking has the shape Hunter describes: drivers who raced once and
/// finished well lead the MLE ranking, ahead of the full-season drivers with the best average places.
/// </summary>
public class NascarPlackettLuceTests(ITestOutputHelper output)
{
    private static (ChoiceData Data, Dictionary<string, List<int>> Places) Load()
    {
        var races = File.ReadLines(SharedData.Path("rankings/nascar2002/nascar2002.txt")).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray())
            .GroupBy(row => row[1]);
        var data = new ChoiceData();
        var places = new Dictionary<string, List<int>>();
        foreach (var race in races)
        {
            var order = race.OrderBy(row => row[2]).Select(row => row[0].ToString()).ToList();
            data.AddRanking(order);
            for (int k = 0; k < order.Count; k++)
            {
                if (!places.TryGetValue(order[k], out var list)) places[order[k]] = list = [];
                list.Add(k + 1);
            }
        }
        return (data, places);
    }

    [SharedDataFact]
    public void MinorizationMaximizationAndLbfgsAgree()
    {
        var (data, places) = Load();
        Assert.Equal(36, data.Count);
        Assert.Equal(83, data.Items.Count);
        var mm = PlackettLuce.Fit(data, PlackettLuceMethod.MinorizationMaximization);
        var lbfgs = PlackettLuce.Fit(data, PlackettLuceMethod.Lbfgs);
        Assert.True(mm.Converged && lbfgs.Converged);
        double largest = 0;
        for (int k = 0; k < 83; k++) largest = Math.Max(largest, Math.Abs(mm.Strengths[k] - lbfgs.Strengths[k]));
        output.WriteLine($"MM {mm.Iterations} sweeps, L-BFGS {lbfgs.Iterations} iterations, max |Δβ| = {largest:E2}, ℓ = {mm.LogLikelihood:F6} / {lbfgs.LogLikelihood:F6}");
        Assert.True(largest < 1e-6, $"max |Δβ| = {largest}");
        Assert.Equal(mm.LogLikelihood, lbfgs.LogLikelihood, 1e-8);

        // Top ten by MLE as (races, average place). An independent Python MM (tolerance 1e-12) gives exactly this list;
        // it matches the drivers of Hunter's (2004) table: P. J. Jones (1 race, 4th) first, Mark Martin (36, 12.17) first
        // among full-season drivers, Sterling Marlin (29 races, 13.86).
        var top = Enumerable.Range(0, 83).OrderByDescending(k => mm.Strengths[k]).Take(10)
            .Select(k => (places[data.Items[k]].Count, Math.Round(places[data.Items[k]].Average(), 2))).ToList();
        output.WriteLine(string.Join(", ", top));
        (int, double)[] expected =
            [(1, 4.0), (1, 6.0), (1, 14.0), (36, 12.17), (36, 13.17), (36, 13.5), (36, 12.61), (36, 14.06), (29, 13.86), (36, 15.75)];
        Assert.Equal(expected, top);
        // log γ of the leader relative to mean zero, from the same Python run: log(0.18640456) − mean log γ.
        Assert.Equal(-1.6798358925770325, mm.Strengths.Max() + LogGammaMeanOffset(mm), 1e-6);
    }

    /// <summary>
    /// A one-race driver is absent from about e⁻¹ ≈ 37% of the bootstrap resamples. Those rounds say nothing about him;
    /// his interval must come from the rounds he raced in, not collapse onto the field's mean (1000 on the Elo scale).
    /// P. J. Jones (one race, 4th of 43) is rated far above the mean, so his whole interval stays above it.
    /// </summary>
    [SharedDataFact]
    public void Bootstrap_intervals_of_one_race_drivers_ignore_the_rounds_they_are_absent_from()
    {
        var (data, places) = Load();
        var board = LeaderboardBuilder.Build(
            File.ReadLines(SharedData.Path("rankings/nascar2002/nascar2002.txt")).Skip(1)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(row => row[1])
                .Select(race => new Core.Data.ItemRanking([.. race.OrderBy(row => int.Parse(row[2])).Select(row => new Core.Data.RankedItem(row[0]))])
                    { Order = [.. Enumerable.Range(0, race.Count())] }),
            new LeaderboardOptions { Model = RankingModel.PlackettLuce, BootstrapRounds = 60, Seed = 3 });
        var jones = board.Items[0];
        Assert.Single(places[jones.Name]);
        Assert.Equal(42, jones.Battles);                 // one race among 43 drivers: 42 pairwise comparisons
        Assert.Equal((39, 3), (jones.Wins, jones.Losses)); // 4th place: three ahead, 39 behind
        Assert.True(jones.RatingLo > 1100, $"lower bound {jones.RatingLo}");
        Assert.All(board.Items, item => Assert.NotEqual(1000.0, item.RatingLo!.Value, 6));
    }

    /// <summary>The Python run normalised γ to sum 1; convert our centred β to that normalisation: −log Σ e^β.</summary>
    private static double LogGammaMeanOffset(StrengthFit fit) => -Math.Log(fit.Strengths.Sum(Math.Exp));
}
