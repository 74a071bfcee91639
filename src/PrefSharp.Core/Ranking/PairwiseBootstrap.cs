using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Nonparametric bootstrap of a pairwise model (Efron 1979). The default resamples the aggregated cell counts
/// from Multinomial(N, cell counts/N) — the exact law of the cell counts of N battles drawn with replacement —
/// so a round costs one binomial draw per cell plus a Newton refit warm-started at the full-data estimate,
/// independent of N. The battle-level method is kept to check it. Round r uses
/// <c>SeedSequence.ForRound(seed, r)</c>; rounds run in parallel with identical results.
/// </summary>
public static class PairwiseBootstrap
{
    /// <summary>Prior precision used only for resamples without a finite unpenalised estimate (σ = 100 logits).</summary>
    public const double FallbackPriorPrecision = 1e-4;

    /// <summary>Fast bootstrap on cell counts (<see cref="BootstrapMethod.PairCounts"/>).</summary>
    public static BootstrapSamples OnPairCounts<TModel>(PairwiseCounts counts, TModel model, StrengthFit fullFit,
        BootstrapOptions options, StrengthFitOptions? fitOptions = null) where TModel : struct, IPairwiseLikelihood
    {
        options.Validate();
        fitOptions ??= new StrengthFitOptions();
        var fullGraph = ComparisonGraph.Of(counts);
        return RunRounds(options, fitOptions, model, fullFit, fullGraph.ComponentCount, (random, previous) =>
        {
            var resample = previous ?? counts.WithCellCounts(new int[counts.CellCountTotal]);
            resample.ResampleFrom(counts, random);
            return resample;
        }, resample => SameSupport(resample, counts) ? fullGraph : null);
    }

    /// <summary>
    /// True when every pair of the resample has battles, and scores in each direction, exactly where the full data
    /// has them: then its comparison graph — components and finiteness — is the full data's, and no check is needed.
    /// </summary>
    private static bool SameSupport(PairwiseCounts resample, PairwiseCounts full)
    {
        for (int pair = 0; pair < full.PairCount; pair++)
        {
            double total = resample.TotalWeight[pair], score = resample.FirstScore[pair];
            double fullTotal = full.TotalWeight[pair], fullScore = full.FirstScore[pair];
            if ((total > 0) != (fullTotal > 0) || (score > 0) != (fullScore > 0) || (total - score > 0) != (fullTotal - fullScore > 0))
                return false;
        }
        return true;
    }

    /// <summary>Slow bootstrap on battles (<see cref="BootstrapMethod.Battles"/>): draws N battle indices per round and re-aggregates.</summary>
    public static BootstrapSamples OnBattles<TModel>(IReadOnlyList<Battle> battles, ItemIndex items, TModel model,
        StrengthFit fullFit, BootstrapOptions options, StrengthFitOptions? fitOptions = null) where TModel : struct, IPairwiseLikelihood
    {
        options.Validate();
        fitOptions ??= new StrengthFitOptions();
        int components = ComparisonGraph.Of(PairwiseCounts.FromBattles(battles, new ItemIndex(items.Names))).ComponentCount;
        return RunRounds(options, fitOptions, model, fullFit, components, (random, _) =>
        {
            var resample = new Battle[battles.Count];
            for (int k = 0; k < resample.Length; k++) resample[k] = battles[random.Next(battles.Count)];
            return PairwiseCounts.FromBattles(resample, new ItemIndex(items.Names));
        }, _ => null);
    }

    /// <summary>
    /// Runs the rounds on all threads. Each thread keeps its resample (handed back to <paramref name="resample"/>
    /// as the previous one, to refill) and its Newton buffers; every round warm-starts at the full fit and draws
    /// from its own stream, so no round depends on which thread ran it or what ran before.
    /// </summary>
    private static BootstrapSamples RunRounds<TModel>(BootstrapOptions options, StrengthFitOptions fitOptions, TModel model,
        StrengthFit fullFit, int components, Func<Random, PairwiseCounts?, PairwiseCounts> resample,
        Func<PairwiseCounts, ComparisonGraph?> knownGraph) where TModel : struct, IPairwiseLikelihood
    {
        var strengths = new double[options.Rounds][];
        var ties = new double[options.Rounds];
        int degenerate = 0;
        var parallel = options.Parallelism;
        Parallel.For(0, options.Rounds, parallel, () => (Newton: new NewtonWorkspace(), Counts: (PairwiseCounts?)null), (round, _, local) =>
        {
            var random = SeedSequence.ForRound(options.Seed, round);
            PairwiseCounts counts = resample(random, local.Counts);
            var (fit, wasDegenerate) = knownGraph(counts) is { } graph
                ? (PairwiseNewtonSolver.Solve(counts, model, fitOptions, graph, fullFit, local.Newton), false)
                : Refit(counts, model, fitOptions, fullFit, components, local.Newton);
            strengths[round] = fit.Strengths;
            ties[round] = fit.TieParameter;
            if (wasDegenerate) Interlocked.Increment(ref degenerate);
            return (local.Newton, counts);
        }, _ => { });
        return new BootstrapSamples(strengths, ties, degenerate);
    }

    /// <summary>A refit warm-started at the full fit; a resample without a finite estimate gets the fallback prior.</summary>
    internal static (StrengthFit Fit, bool Degenerate) Refit<TModel>(PairwiseCounts counts, TModel model,
        StrengthFitOptions fitOptions, StrengthFit fullFit, int expectedComponents, NewtonWorkspace? workspace = null) where TModel : struct, IPairwiseLikelihood
    {
        var graph = ComparisonGraph.Of(counts);
        bool degenerate = (!graph.IsConnected && !fitOptions.AnchorEachComponent)
            || (fitOptions.PriorPrecision == 0 && !graph.HasFiniteEstimates(counts))
            || graph.ComponentCount != expectedComponents;
        StrengthFitOptions used = degenerate
            ? fitOptions with { PriorPrecision = Math.Max(fitOptions.PriorPrecision, FallbackPriorPrecision) }
            : fitOptions;
        return (PairwiseNewtonSolver.Solve(counts, model, used, graph, fullFit, workspace), degenerate);
    }
}
