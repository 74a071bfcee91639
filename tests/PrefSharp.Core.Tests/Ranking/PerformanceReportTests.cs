using System.Diagnostics;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>
/// The benchmark's shape (1,000,000 battles among 100 models: aggregate, BT fit, 1,000 bootstrap rounds) timed and
/// written to the test output. No timed assertion (house rule); the bench project will compare against parse time.
/// </summary>
public class PerformanceReportTests(ITestOutputHelper output)
{
    [Fact]
    public void MillionBattlesAmongHundredModels()
    {
        const int models = 100, battleCount = 1_000_000;
        var random = new Random(123);
        double[] strengths = [.. Enumerable.Range(0, models).Select(_ => random.NextDouble() * 3)];
        string[] names = [.. Enumerable.Range(0, models).Select(k => $"model-{k:D3}")];
        var battles = new Battle[battleCount];
        for (int k = 0; k < battleCount; k++)
        {
            int a = random.Next(models), b = (a + 1 + random.Next(models - 1)) % models;
            double p = LogisticFunctions.Sigmoid(strengths[a] - strengths[b]);
            double u = random.NextDouble();
            battles[k] = new Battle(names[a], names[b], u < 0.1 ? BattleOutcome.Tie : u < 0.1 + 0.9 * p ? BattleOutcome.A : BattleOutcome.B);
        }
        var clock = Stopwatch.StartNew();
        var counts = PairwiseCounts.FromBattles(battles);
        double aggregate = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var model = new BradleyTerryLikelihood();
        var fit = PairwiseNewtonSolver.Fit(counts, model);
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var samples = PairwiseBootstrap.OnPairCounts(counts, model, fit, new BootstrapOptions { Rounds = 1000, Seed = 1 });
        double bootstrap = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var board = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Baseline = names[0] });
        double whole = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{battleCount:N0} battles, {models} models, {counts.PairCount} pairs, {counts.CellCountTotal} cells, {Environment.ProcessorCount} cores");
        output.WriteLine($"aggregate {aggregate:F3} s; BT fit {fitSeconds * 1000:F1} ms ({fit.Iterations} Newton iterations); 1,000 bootstrap rounds {bootstrap:F3} s ({samples.DegenerateRounds} degenerate)");
        output.WriteLine($"LeaderboardBuilder.Build (aggregate + fit + 1,000 rounds + assembly) {whole:F3} s");
        Assert.True(fit.Converged);
        Assert.Equal(models, board.Items.Count);
        Assert.Equal(battleCount, counts.BattleCount);
    }
}
