using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Proxy;

/// <summary>
/// Over-optimisation without any training: best-of-n sampling against a proxy reward, as in Gao, Schulman &amp; Hilton
/// (2023, §2 and Fig. 1, the BoN arm). For each of <c>prompts</c> prompts, <c>maxN</c> candidates are drawn from the base
/// policy (demonstrations of uniformly drawn quality); best-of-n keeps the proxy's favourite among the first n, for
/// n = 1, 2, 4, … ≤ maxN, so the picks are nested and the mean proxy never decreases with n. The KL of best-of-n from the
/// base policy is taken as KL_bon = ln n − (n − 1)/n (Stiennon et al. 2020, App.; Gao et al. 2023, Eq. 1; an upper
/// bound by Beirami et al. 2024). Gold rising then falling while the proxy keeps rising is Goodhart's law.
/// </summary>
public static class BestOfNSweep
{
    /// <summary>KL_bon = ln n − (n − 1)/n.</summary>
    public static double KlOfBestOfN(int n) => n < 1
        ? throw new ArgumentException($"n must be ≥ 1 (got {n})", nameof(n))
        : Math.Log(n) - (n - 1.0) / n;

    public static IReadOnlyList<BestOfNPoint> Run(IWorld world, Func<string, double> proxy, IReadOnlyList<double> qualities, int prompts, int maxN, int seed)
    {
        if (prompts < 1) throw new ArgumentException($"prompts must be ≥ 1 (got {prompts})", nameof(prompts));
        if (maxN < 1) throw new ArgumentException($"maxN must be ≥ 1 (got {maxN})", nameof(maxN));
        var random = new Random(seed);
        var ns = new List<int>();
        for (var n = 1; n <= maxN; n *= 2) ns.Add(n);
        var gold = new double[ns.Count];
        var proxies = new double[ns.Count];
        for (var p = 0; p < prompts; p++)
        {
            var prompt = world.SamplePrompt(random);
            var candidates = Enumerable.Range(0, maxN)
                .Select(_ => world.Demonstrate(prompt, qualities[random.Next(qualities.Count)], random)).ToArray();
            var scores = candidates.Select(proxy).ToArray();
            var best = 0;
            for (int i = 0, k = 0; i < maxN && k < ns.Count; i++)
            {
                if (scores[i] > scores[best]) best = i;
                if (i + 1 != ns[k]) continue;
                gold[k] += world.GoldUtility(prompt, candidates[best]) / prompts;
                proxies[k] += scores[best] / prompts;
                k++;
            }
        }
        return ns.Select((n, k) => new BestOfNPoint(n, KlOfBestOfN(n), gold[k], proxies[k])).ToArray();
    }
}
