using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Attributes;

/// <summary>
/// Multi-objective reward data from an <see cref="IAttributedWorld"/>: absolute per-attribute ratings (the world's
/// exact attributes plus optional Gaussian rating noise), and preference pairs labelled by an annotator group. A
/// group's prompts carry its name after the topic ("food concise"), which the word worlds ignore when scoring (the
/// topic is the first topic word) and a prompt-conditioned gate can read.
/// </summary>
public static class AttributeData
{
    /// <summary>The prompt a group's annotator sees: the world prompt followed by the group name (unchanged for null).</summary>
    public static string GroupPrompt(string prompt, string? group) => group is null ? prompt : $"{prompt} {group}";

    /// <summary>Ratings of every sample: a(x, y) + N(0, <paramref name="noise"/>²) per attribute (seeded).</summary>
    public static List<AttributeRating> Ratings(IAttributedWorld world, IEnumerable<GymSample> samples, double noise, int seed)
    {
        if (!(noise >= 0)) throw new ArgumentException($"noise must be ≥ 0, found {noise}", nameof(noise));
        var random = new Random(seed);
        return samples.Select(s => new AttributeRating(s.Prompt, s.Response,
            world.Attributes(s.Prompt, s.Response).Select(a => a + noise * Gaussian.Sample(random)).ToArray())).ToList();
    }

    /// <summary>
    /// Pairs of consecutive responses of each prompt (1–2, 3–4, …), labelled by <paramref name="group"/>'s
    /// Bradley–Terry annotator: P(A ≻ B) = σ((u_g(A) − u_g(B)) / T); identical responses are skipped. Prompts are
    /// <see cref="GroupPrompt"/>s.
    /// </summary>
    public static List<GroupPair> Pairs(IAttributedWorld world, IReadOnlyList<GymSample> samples, string? group, double temperature, int seed)
    {
        if (!(temperature > 0)) throw new ArgumentException($"temperature must be > 0, found {temperature}", nameof(temperature));
        var random = new Random(seed);
        var pairs = new List<GroupPair>();
        foreach (var prompt in samples.GroupBy(s => s.PromptId))
        {
            var responses = prompt.ToList();
            for (var i = 0; i + 1 < responses.Count; i += 2)
            {
                var (a, b) = (responses[i], responses[i + 1]);
                if (a.Response == b.Response) continue;
                var margin = world.GroupUtility(a.Prompt, a.Response, group) - world.GroupUtility(a.Prompt, b.Response, group);
                var aWins = random.NextDouble() < 1 / (1 + Math.Exp(-margin / temperature));
                pairs.Add(new GroupPair(group, GroupPrompt(a.Prompt, group), aWins ? a.Response : b.Response, aWins ? b.Response : a.Response));
            }
        }
        return pairs;
    }

    /// <summary>Every pair of responses of a prompt whose utilities for <paramref name="group"/> differ, the better one chosen.</summary>
    public static List<GroupPair> GoldPairs(IAttributedWorld world, IReadOnlyList<GymSample> samples, string? group)
    {
        var pairs = new List<GroupPair>();
        foreach (var prompt in samples.GroupBy(s => s.PromptId))
        {
            var responses = prompt.Select(s => (s.Prompt, s.Response, Utility: world.GroupUtility(s.Prompt, s.Response, group))).ToList();
            for (var i = 0; i < responses.Count; i++)
                for (var j = i + 1; j < responses.Count; j++)
                {
                    var (a, b) = (responses[i], responses[j]);
                    if (a.Utility == b.Utility || a.Response == b.Response) continue;
                    var (chosen, rejected) = a.Utility > b.Utility ? (a, b) : (b, a);
                    pairs.Add(new GroupPair(group, GroupPrompt(a.Prompt, group), chosen.Response, rejected.Response));
                }
        }
        return pairs;
    }
}
