using System.Globalization;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// The embedded default of <c>eval --quick</c>: distinct prompts from a gym world, its policies of known quality
/// (<c>gym:WORLD@Q</c>, served by <c>prefsharp serve</c>), its simulated annotator as the judge (<c>gym:WORLD</c>),
/// and its gold utility as the truth the judged leaderboard is compared with. The middle quality is the baseline.
/// </summary>
public sealed record QuickEval(IWorld World, IReadOnlyList<EvalPrompt> Prompts)
{
    /// <summary>The qualities of the policies served, weakest first.</summary>
    public static IReadOnlyList<double> Qualities { get; } = [0.1, 0.3, 0.5, 0.7, 0.9];

    /// <summary><paramref name="count"/> prompts drawn from <paramref name="world"/> (ids q0000, q0001, …; a text may recur), deterministic for a seed.</summary>
    public static QuickEval Create(IWorld world, int count, int seed)
    {
        if (count < 1) throw new ArgumentException($"must be at least 1, found {count}", "--quick-prompts");
        var random = new Random(seed);
        return new QuickEval(world, Enumerable.Range(0, count).Select(i => new EvalPrompt($"q{i:D4}", world.SamplePrompt(random))).ToList());
    }

    /// <summary>The served policy specs, <c>gym:WORLD@Q</c>, weakest first.</summary>
    public IReadOnlyList<string> PolicySpecs => Qualities.Select(q => $"gym:{World.Name}@{q.ToString("0.0", CultureInfo.InvariantCulture)}").ToList();

    /// <summary>The policy every other one is judged against: the middle quality.</summary>
    public string Baseline => PolicySpecs[Qualities.Count / 2];

    /// <summary>The judge model: the world's simulated annotator.</summary>
    public string Judge => $"gym:{World.Name}";
}
