using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Metrics;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>
/// Reward models against the gym's truth: pairwise accuracy on held-out GOLD pairs (the gold-better response must
/// score higher; ties ½) for any scorer, and best-of-N curves of gold utility when a scorer picks among N fresh
/// demonstrations (<see cref="BestOfNCurve"/>, Gao et al. 2023, §2.2).
/// </summary>
public static class GymRewardEvaluation
{
    /// <summary>Accuracy of <paramref name="score"/> on gold pairs.</summary>
    public static double GoldAccuracy(IReadOnlyList<TextPair> gold, Func<IReadOnlyList<(string Prompt, string Completion)>, double[]> score)
    {
        if (gold.Count == 0) throw new ArgumentException("gold: no held-out gold pairs", nameof(gold));
        var chosen = score(gold.Select(p => (p.Prompt, p.Chosen)).ToList());
        var rejected = score(gold.Select(p => (p.Prompt, p.Rejected)).ToList());
        return PairwiseAccuracy.Compute(chosen, rejected).Accuracy;
    }

    /// <summary>Accuracy of "the longer response is better" on gold pairs.</summary>
    public static double LengthAccuracy(IReadOnlyList<TextPair> gold) => LengthBaseline.Accuracy(gold.Select(p => (p.Chosen, p.Rejected)).ToArray());

    /// <summary>Fresh candidates: <paramref name="n"/> demonstrations of uniformly drawn quality for each of <paramref name="prompts"/> prompts.</summary>
    public static IReadOnlyList<IReadOnlyList<GymSample>> Candidates(IWorld world, int prompts, int n, int seed) =>
        GymSampler.Sample(world, prompts, n, seed).GroupBy(s => s.PromptId).Select(g => (IReadOnlyList<GymSample>)g.ToList()).ToList();

    /// <summary>E[gold of the pick | N] for N = 1..n when <paramref name="score"/> picks among each prompt's candidates.</summary>
    public static double[] BestOfN(IReadOnlyList<IReadOnlyList<GymSample>> candidates, Func<IReadOnlyList<(string Prompt, string Completion)>, double[]> score)
    {
        var flat = score(candidates.SelectMany(c => c.Select(s => (s.Prompt, s.Response))).ToList());
        var n = candidates[0].Count;
        var proxy = candidates.Select((_, i) => (IReadOnlyList<double>)flat.Skip(i * n).Take(n).ToArray()).ToList();
        var gold = candidates.Select(c => (IReadOnlyList<double>)c.Select(s => s.GoldUtility).ToArray()).ToList();
        return BestOfNCurve.Compute(proxy, gold);
    }
}
