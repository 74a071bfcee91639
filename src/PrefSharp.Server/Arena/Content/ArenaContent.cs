using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Server.Arena.Content;

/// <summary>
/// What annotators compare: prompts with the answers of at least two models each. Built from a gym world (policies of
/// known quality, nothing to download) or from model outputs in the formats <c>judge</c> reads.
/// </summary>
public sealed class ArenaContent
{
    private readonly Dictionary<(string, string), string[]> questionsByPair = [];

    public ArenaContent(IReadOnlyList<ArenaQuestion> questions)
    {
        Questions = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        Models = questions.SelectMany(q => q.Answers.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < Models.Count; i++)
            for (int j = i + 1; j < Models.Count; j++)
            {
                var (a, b) = (Models[i], Models[j]);
                var shared = questions.Where(q => q.Answers.ContainsKey(a) && q.Answers.ContainsKey(b)).Select(q => q.Id).ToArray();
                if (shared.Length > 0) questionsByPair[(a, b)] = shared;
            }
        if (questionsByPair.Count == 0)
            throw new ArgumentException("no prompt has answers of two different models; give outputs of at least two models for the same prompts");
    }

    public IReadOnlyDictionary<string, ArenaQuestion> Questions { get; }

    /// <summary>Model names, sorted.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Model pairs (first &lt; second, ordinal) that share at least one prompt.</summary>
    public IReadOnlyCollection<(string First, string Second)> Pairs => questionsByPair.Keys;

    /// <summary>Ids of the prompts both models answered (either order of the pair).</summary>
    public IReadOnlyList<string> SharedQuestions(string modelA, string modelB) =>
        questionsByPair.GetValueOrDefault(string.CompareOrdinal(modelA, modelB) < 0 ? (modelA, modelB) : (modelB, modelA)) ?? [];

    /// <summary>
    /// <paramref name="prompts"/> prompts of <paramref name="world"/>, each answered by every policy of
    /// <see cref="GymSampler.DefaultQualities"/> (named <c>quality-0.00</c> … <c>quality-1.00</c>), deterministic for a seed.
    /// </summary>
    public static ArenaContent FromGym(IWorld world, int prompts, int seed)
    {
        if (prompts < 1) throw new ArgumentException($"must be ≥ 1, found {prompts}", "--prompts");
        var random = new Random(seed);
        var questions = Enumerable.Range(0, prompts).Select(p =>
        {
            var prompt = world.SamplePrompt(random);
            var answers = GymSampler.DefaultQualities.ToDictionary(GymSampler.PolicyName, q => world.Demonstrate(prompt, q, random));
            return new ArenaQuestion($"{world.Name}-{p:D4}", prompt, answers);
        }).ToList();
        return new ArenaContent(questions);
    }

    /// <summary>Outputs read by <see cref="ModelOutputsReader"/>, grouped by question id; a later duplicate answer wins.</summary>
    public static ArenaContent FromOutputs(IReadOnlyList<ModelOutput> outputs) =>
        new(outputs.GroupBy(o => o.QuestionId, StringComparer.Ordinal).Select(group =>
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var output in group) answers[output.Generator] = output.Output;
            return new ArenaQuestion(group.Key, group.First().Instruction, answers);
        }).ToList());
}
