using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Sampling;

/// <summary>
/// Labels samples with simulated annotators: for every prompt, every pair of its responses (or a random subset of
/// at most <c>maxPairsPerPrompt</c>) is shown in a random order to one annotator drawn uniformly from the panel.
/// Pairs of identical texts are skipped (they carry no preference, and PrefSharp's readers reject them).
/// Deterministic for a seed.
/// </summary>
public static class GymAnnotation
{
    public static IReadOnlyList<GymJudgement> Annotate(IWorld world, IReadOnlyList<GymSample> samples,
        IReadOnlyList<SimulatedAnnotator> annotators, int seed, int? maxPairsPerPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (annotators.Count == 0) throw new ArgumentException("annotators: at least one annotator is needed", nameof(annotators));
        if (maxPairsPerPrompt is < 1) throw new ArgumentException($"maxPairsPerPrompt must be ≥ 1 (got {maxPairsPerPrompt})", nameof(maxPairsPerPrompt));
        foreach (var group in annotators.Select(a => a.Group).OfType<string>().Distinct())
            if (!world.Groups.Contains(group)) throw world.UnknownGroup(group);
        var random = new Random(seed);
        var judgements = new List<GymJudgement>();
        foreach (var prompt in samples.GroupBy(s => s.PromptId))
        {
            var responses = prompt.ToList();
            var pairs = new List<(int, int)>();
            for (var i = 0; i < responses.Count; i++)
                for (var j = i + 1; j < responses.Count; j++)
                    if (responses[i].Response != responses[j].Response) pairs.Add((i, j));
            if (maxPairsPerPrompt is { } cap && pairs.Count > cap)
            {
                var shuffled = pairs.ToArray();
                random.Shuffle(shuffled);
                pairs = shuffled.Take(cap).ToList();
            }
            foreach (var (i, j) in pairs)
            {
                var (a, b) = random.Next(2) == 0 ? (responses[i], responses[j]) : (responses[j], responses[i]);
                var annotator = annotators[random.Next(annotators.Count)];
                var outcome = annotator.Judge(world, a.Prompt, a.Response, b.Response, random);
                judgements.Add(new GymJudgement(a, b, outcome, annotator.Id));
            }
        }
        return judgements;
    }
}
