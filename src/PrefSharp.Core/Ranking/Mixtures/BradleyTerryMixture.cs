using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>
/// Mixture of K Bradley–Terry models over annotators, fitted by EM (Dempster, Laird and Rubin 1977), as in the
/// preference-mixture learning step of MaxMin-RLHF (Chakraborty et al. 2024, "MaxMin-RLHF: Alignment with Diverse
/// Human Preferences", §4, Algorithm 1): every annotator a belongs to one latent group z_a ~ Categorical(π) and all of a's
/// labels follow BT with that group's ratings, P_k(i ≻ j) = σ(β_{k,i} − β_{k,j}).
/// E-step: r_{a,k} ∝ π_k Π_{b ∈ a} σ(β_k·x_b)^{s_b} σ(−β_k·x_b)^{1−s_b} (weights as exponents);
/// M-step: π_k = mean_a r_{a,k}; β_k = weighted BT fit with battle weights w_b·r_{a(b),k} (ridge λ = 1e-3).
/// Battles without a judge share the annotator "(unknown)". Several random hard initialisations; the best is kept.
/// </summary>
public static class BradleyTerryMixture
{
    /// <summary>The annotator name used for battles whose Judge is null.</summary>
    public const string UnknownAnnotator = "(unknown)";

    /// <summary>Fits a K-group mixture to <paramref name="battles"/>.</summary>
    public static BradleyTerryMixtureResult Fit(IReadOnlyList<Battle> battles, int groupCount, MixtureOptions? options = null) =>
        Fit(IndexedBattles.From(battles), groupCount, options);

    /// <summary>Fits a K-group mixture to indexed battles.</summary>
    public static BradleyTerryMixtureResult Fit(IndexedBattles battles, int groupCount, MixtureOptions? options = null)
    {
        options ??= new MixtureOptions();
        if (groupCount < 1) throw new ArgumentOutOfRangeException(nameof(groupCount), "groupCount must be ≥ 1.");
        var annotatorNames = new List<string>();
        var annotatorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var annotatorOf = new int[battles.Count];
        for (int b = 0; b < battles.Count; b++)
        {
            string name = battles.Judge[b] ?? UnknownAnnotator;
            if (!annotatorIndex.TryGetValue(name, out int a)) { a = annotatorNames.Count; annotatorIndex[name] = a; annotatorNames.Add(name); }
            annotatorOf[b] = a;
        }
        var random = new Random(options.Seed);
        MixtureState? best = null;
        for (int restart = 0; restart < Math.Max(1, options.Restarts); restart++)
        {
            var state = MixtureState.RandomStart(battles, annotatorOf, annotatorNames.Count, groupCount, random);
            state.Run(options);
            if (best is null || state.LogLikelihood > best.LogLikelihood) best = state;
            if (groupCount == 1) break;
        }
        return best!.ToResult(annotatorNames);
    }
}
