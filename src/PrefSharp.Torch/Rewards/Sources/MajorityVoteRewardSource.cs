namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// Label-free rewards from the group itself. TTRL (Zuo et al. 2025, "TTRL: Test-Time Reinforcement Learning"): the
/// most frequent answer among a prompt's G completions is the pseudo-label; a completion earns 1 when it agrees, 0
/// otherwise. EVOL-RL (Zhou et al. 2025, "Evolving Language Models without Labels: Majority Drives Selection, Novelty
/// Promotes Variation"; the reward of the authors' semantic-novelty reward manager): novelty
/// u_i = 1 − (½·mean s_ij over the other members of i's side + ½·max s_ij over all others), s the cosine similarity
/// clipped to [0, 1]; u is min-max scaled within each side, and the majority side earns 0.5 + 0.5·ũ, the minority
/// −1 + 0.5·ũ (a side of one: 1 and −0.5; a side with equal novelty: 0.75 and −0.75), so every majority answer beats
/// every minority one and novelty orders them within. An empty answer earns −1 (EVOL-RL) or 0 (TTRL) and never votes.
/// Departure: the paper embeds the reasoning with an embedding model; the gym has none, so a completion's embedding is
/// its character-bigram counts. Rewards depend on the whole group, as win rates do.
/// </summary>
public sealed class MajorityVoteRewardSource(bool novelty) : IGroupRewardSource
{
    public string Name => novelty ? "evol-rl" : "ttrl-majority";

    public bool IsPairwise => false;

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        var rewards = groups.SelectMany(g => Rewards(g.Completions, novelty)).ToArray();
        return new GroupScores(rewards, rewards);
    }

    /// <summary>The reward of each of <paramref name="completions"/> (one prompt's group), in order.</summary>
    public static double[] Rewards(IReadOnlyList<string> completions, bool novelty)
    {
        var answers = completions.Select(c => c.Trim()).ToArray();
        var majority = answers.Where(a => a.Length > 0).GroupBy(a => a, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var agrees = answers.Select(a => majority is not null && a == majority).ToArray();
        if (!novelty) return [.. agrees.Select(a => a ? 1.0 : 0.0)];
        var valid = Enumerable.Range(0, answers.Length).Where(i => answers[i].Length > 0).ToArray();
        var rewards = Enumerable.Repeat(-1.0, answers.Length).ToArray();
        if (valid.Length == 0) return rewards;
        var similarity = Similarities(valid.Select(i => Bigrams(answers[i])).ToArray());
        var raw = new double[valid.Length];
        for (var a = 0; a < valid.Length; a++)
        {
            var others = Enumerable.Range(0, valid.Length).Where(b => b != a).ToArray();
            if (others.Length == 0) continue;
            var side = others.Where(b => agrees[valid[b]] == agrees[valid[a]]).ToArray();
            var mean = (side.Length > 0 ? side : others).Average(b => similarity[a, b]);
            raw[a] = 1 - (0.5 * mean + 0.5 * others.Max(b => similarity[a, b]));
        }
        foreach (var majoritySide in new[] { true, false })
        {
            var members = Enumerable.Range(0, valid.Length).Where(a => agrees[valid[a]] == majoritySide).ToArray();
            var (low, width) = majoritySide ? (0.5, 0.5) : (-1.0, 0.5);
            if (members.Length == 1) rewards[valid[members[0]]] = majoritySide ? 1.0 : -0.5;
            if (members.Length < 2) continue;
            var (min, max) = (members.Min(a => raw[a]), members.Max(a => raw[a]));
            foreach (var a in members) rewards[valid[a]] = low + width * (max > min ? (raw[a] - min) / (max - min) : 0.5);
        }
        return rewards;
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var padded = $" {text} ";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < padded.Length; i++) counts[padded.Substring(i, 2)] = counts.GetValueOrDefault(padded.Substring(i, 2)) + 1;
        return counts;
    }

    private static double[,] Similarities(IReadOnlyList<Dictionary<string, int>> vectors)
    {
        var norms = vectors.Select(v => Math.Sqrt(v.Values.Sum(c => (double)c * c))).ToArray();
        var result = new double[vectors.Count, vectors.Count];
        for (var a = 0; a < vectors.Count; a++)
            for (var b = 0; b < vectors.Count; b++)
            {
                var dot = vectors[a].Sum(kv => kv.Value * (double)vectors[b].GetValueOrDefault(kv.Key));
                result[a, b] = Math.Clamp(dot / Math.Max(norms[a] * norms[b], 1e-8), 0, 1);
            }
        return result;
    }
}
