using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>
/// Chooses the number of annotator groups K ∈ {1, …, maxGroups} by the Bayesian information criterion
/// BIC = −2 log L + p ln N (Schwarz 1978), p = K(n − 1) + K − 1, N = battles, smallest BIC wins.
/// N counts battles (not annotators), the usual choice for mixtures of regressions; it penalises extra groups less than
/// counting annotators would.
/// </summary>
public static class MixtureModelSelection
{
    public static MixtureSelection SelectByBic(IReadOnlyList<Battle> battles, int maxGroups = 4, MixtureOptions? options = null)
    {
        var indexed = IndexedBattles.From(battles);
        var fits = Enumerable.Range(1, maxGroups).Select(k => BradleyTerryMixture.Fit(indexed, k, options)).ToList();
        var best = fits.MinBy(f => f.Bic)!;
        return new MixtureSelection(best.GroupCount,
            fits.Select(f => new MixtureCandidate(f.GroupCount, f.LogLikelihood, f.ParameterCount, f.Bic)).ToList(), best);
    }
}
