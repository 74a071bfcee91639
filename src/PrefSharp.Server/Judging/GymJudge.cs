using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Judging;
using PrefSharp.Server.Models;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Judging;

/// <summary>
/// A gym world's simulated annotator served as a chat model (<c>serve --judge gym:WORLD</c>), so the judging path runs
/// over real HTTP with nothing to download. It answers the pairwise judge question of <see cref="JudgePrompts.Pairwise"/>
/// with <c>Verdict: A</c>, <c>Verdict: B</c> or <c>Verdict: tie</c>, drawn as <see cref="SimulatedAnnotator"/> draws
/// it: A wins with probability σ(margin / T) for the world's <see cref="IWorld.PreferenceMargin"/> (T = 1). A request
/// with a seed gets the draw of <c>new Random(seed)</c>.
/// </summary>
public sealed class GymJudge(IWorld world) : IScriptedChatModel
{
    /// <summary>The model id clients send: <c>gym:WORLD</c>.</summary>
    public string Name { get; } = $"gym:{world.Name}";

    public IWorld World { get; } = world;

    public SimulatedAnnotator Annotator { get; } = new("gym-judge");

    /// <summary>The judge for <c>gym:WORLD</c>; an ArgumentException naming <paramref name="option"/> otherwise.</summary>
    public static GymJudge Parse(string spec, string option = "--judge") =>
        spec.StartsWith("gym:", StringComparison.Ordinal) ? new GymJudge(WorldCatalog.Get(spec[4..], option))
        : throw new ArgumentException($"{option} must be gym:WORLD ({string.Join(", ", WorldCatalog.Names)}), found \"{spec}\"", option);

    /// <summary>The verdict text for the last user message; 400 when it is not a pairwise judge question.</summary>
    public string Answer(IReadOnlyList<Message> messages, long? seed)
    {
        var question = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var (prompt, first, second) = JudgePrompts.ReadPairwise(question)
            ?? throw ApiException.Invalid("messages", $"{Name} answers only the pairwise judge question ([User prompt] … [Response A] … [Response B] …)");
        var random = seed is { } s ? new Random(unchecked((int)s)) : new Random(Random.Shared.Next());
        return Annotator.Judge(World, prompt, first, second, random) switch
        {
            BattleOutcome.A => "Verdict: A",
            BattleOutcome.B => "Verdict: B",
            _ => "Verdict: tie",
        };
    }
}
