using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// The battle-level bootstrap for models that cannot work from aggregated pair counts (online Elo, style-controlled
/// Bradley–Terry): each round draws N battles with replacement and refits; rounds run in parallel, each with its
/// own seeded random stream, so results do not depend on the thread count. An item that a resample lacks gets a NaN
/// strength in that round (its intervals come from the rounds it appears in).
/// </summary>
public static class BattleResampling
{
    /// <summary>Natural-scale strengths of <paramref name="refit"/> on every resample (no tie parameters).</summary>
    public static BootstrapSamples Bootstrap(IReadOnlyList<Battle> battles, ItemIndex items, BootstrapOptions options, Func<Battle[], double[]> refit)
    {
        options.Validate();
        var strengths = new double[options.Rounds][];
        var parallel = options.Parallelism;
        Parallel.For(0, options.Rounds, parallel, round =>
        {
            var random = SeedSequence.ForRound(options.Seed, round);
            var resample = new Battle[battles.Count];
            for (int k = 0; k < resample.Length; k++) resample[k] = battles[random.Next(battles.Count)];
            var present = new bool[items.Count];
            foreach (var battle in resample) present[items.Require(battle.ItemA, "item")] = present[items.Require(battle.ItemB, "item")] = true;
            strengths[round] = [.. refit(resample).Select((strength, item) => present[item] ? strength : double.NaN)];
        });
        return new BootstrapSamples(strengths, Enumerable.Repeat(double.NaN, options.Rounds).ToArray(), 0);
    }
}
