using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Recipes.GymRewards;

namespace PrefSharp.Bench.Experiments;

/// <summary>A k-way ranking of a gym prompt's responses, best first.</summary>
public sealed record TextRanking(string Prompt, IReadOnlyList<string> Responses);

/// <summary>
/// k-way rankings from a gym world: each training prompt's k responses ordered by a simulated annotator that draws a
/// Plackett–Luce order from the gold utilities at temperature T (sorting u_i / T plus independent Gumbel noise gives
/// exactly P(order) = Π_i e^{u_(i)/T} / Σ_{j ≥ i} e^{u_(j)/T}, Yellott 1977); for k = 2 it is the Bradley–Terry
/// annotator of <see cref="GymRewardData"/>. Identical responses are kept once.
/// </summary>
public static class GymRankingData
{
    /// <summary>One ranking per prompt of <paramref name="samples"/> not in <paramref name="heldOutPromptIds"/> with ≥ 2 distinct responses.</summary>
    public static List<TextRanking> Rankings(IReadOnlyList<GymSample> samples, ISet<string> heldOutPromptIds, int seed, double temperature = 1.0)
    {
        if (!(temperature > 0)) throw new ArgumentException($"temperature must be > 0, found {temperature}", nameof(temperature));
        var random = new Random(seed);
        var rankings = new List<TextRanking>();
        foreach (var prompt in samples.Where(s => !heldOutPromptIds.Contains(s.PromptId)).GroupBy(s => s.PromptId))
        {
            var distinct = prompt.GroupBy(s => s.Response).Select(g => g.First()).ToList();
            if (distinct.Count < 2) continue;
            var keyed = distinct.Select(s => (Sample: s, Key: s.GoldUtility / temperature + Gumbel(random))).ToList();
            rankings.Add(new TextRanking(distinct[0].Prompt, keyed.OrderByDescending(k => k.Key).Select(k => k.Sample.Response).ToList()));
        }
        return rankings;
    }

    /// <summary>The best-versus-worst pair of each ranking (what a pairwise dataset keeps of a list, as binarised UltraFeedback does).</summary>
    public static List<TextPair> TopVersusBottom(IEnumerable<TextRanking> rankings) =>
        rankings.Select(r => new TextPair(r.Prompt, r.Responses[0], r.Responses[^1])).ToList();

    private static double Gumbel(Random random) => -Math.Log(-Math.Log(1 - random.NextDouble() * (1 - 1e-12)));
}
