using PrefSharp.Core.Data;

namespace PrefSharp.Core.Gym;

/// <summary>
/// A Chatbot-Arena-like stream of battles among models whose true strengths are known, so that a
/// leaderboard can be checked against the truth. Each battle draws two distinct models uniformly and a
/// question; each response's utility is the model's strength plus Gaussian noise of sd
/// <see cref="ResponseNoise"/> (some answers of a strong model are worse than some of a weak one);
/// an annotator drawn uniformly from <see cref="Annotators"/> judges.
/// </summary>
public sealed record SimulatedArena(IReadOnlyList<double> Strengths)
{
    /// <summary>Standard deviation of per-response utility around the model's strength. Default 0.5.</summary>
    public double ResponseNoise { get; init; } = 0.5;

    /// <summary>Number of distinct questions battles are drawn over. Default 500.</summary>
    public int Questions { get; init; } = 500;

    /// <summary>Who judges; by default one Bradley–Terry annotator with temperature 1 and ties below 0.1.</summary>
    public IReadOnlyList<SimulatedAnnotator> Annotators { get; init; } =
        [new SimulatedAnnotator("annotator-0") { TieMargin = 0.1 }];

    /// <summary>Model names, "model-00", "model-01", … (index i has strength Strengths[i]).</summary>
    public string ModelName(int index) => $"model-{index:D2}";

    /// <summary>A default arena: <paramref name="models"/> strengths spread evenly over [−2, 2] logits, shuffled by <paramref name="seed"/>.</summary>
    public static SimulatedArena WithSpreadStrengths(int models, int seed)
    {
        if (models < 2) throw new ArgumentException($"models must be at least 2 (got {models})");
        var strengths = Enumerable.Range(0, models).Select(i => -2.0 + 4.0 * i / (models - 1)).ToArray();
        new Random(seed).Shuffle(strengths);
        return new SimulatedArena(strengths);
    }

    /// <summary>Generates <paramref name="count"/> battles, deterministic for a seed.</summary>
    public IEnumerable<Battle> Battles(int count, int seed)
    {
        if (Strengths.Count < 2) throw new ArgumentException("an arena needs at least 2 models");
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var a = random.Next(Strengths.Count);
            var b = (a + 1 + random.Next(Strengths.Count - 1)) % Strengths.Count;
            var annotator = Annotators[random.Next(Annotators.Count)];
            var utilityA = Strengths[a] + ResponseNoise * Gaussian.Sample(random);
            var utilityB = Strengths[b] + ResponseNoise * Gaussian.Sample(random);
            yield return new Battle(ModelName(a), ModelName(b), annotator.Judge(utilityA, utilityB, random))
            {
                Judge = annotator.Id,
                QuestionId = $"q{random.Next(Questions):D4}",
            };
        }
    }
}
