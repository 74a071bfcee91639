using System.Globalization;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Sampling;

/// <summary>
/// Draws prompts from a world and, for each, responses from demonstrations of mixed quality: each response's
/// quality level is drawn uniformly from <see cref="DefaultQualities"/> (or the levels given), and its policy name
/// is <see cref="PolicyName"/> of that level. Deterministic for a seed.
/// </summary>
public static class GymSampler
{
    /// <summary>Quality levels 0, ¼, ½, ¾, 1.</summary>
    public static IReadOnlyList<double> DefaultQualities { get; } = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>"quality-0.75" for level 0.75.</summary>
    public static string PolicyName(double quality) => "quality-" + quality.ToString("0.00", CultureInfo.InvariantCulture);

    public static IReadOnlyList<GymSample> Sample(IWorld world, int prompts, int responsesPerPrompt, int seed, IReadOnlyList<double>? qualities = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (prompts < 1) throw new ArgumentException($"prompts must be ≥ 1 (got {prompts})", nameof(prompts));
        if (responsesPerPrompt < 1) throw new ArgumentException($"responses must be ≥ 1 (got {responsesPerPrompt})", nameof(responsesPerPrompt));
        qualities ??= DefaultQualities;
        if (qualities.Count == 0 || qualities.Any(q => !(q is >= 0 and <= 1)))
            throw new ArgumentException("qualities must be a non-empty list of levels in [0, 1]", nameof(qualities));
        var random = new Random(seed);
        var samples = new List<GymSample>(prompts * responsesPerPrompt);
        for (var p = 0; p < prompts; p++)
        {
            var promptId = $"p{p:D5}";
            var prompt = world.SamplePrompt(random);
            for (var r = 0; r < responsesPerPrompt; r++)
            {
                var quality = qualities[random.Next(qualities.Count)];
                var response = world.Demonstrate(prompt, quality, random);
                samples.Add(new GymSample(promptId, prompt, response, PolicyName(quality), world.GoldUtility(prompt, response)));
            }
        }
        return samples;
    }
}
