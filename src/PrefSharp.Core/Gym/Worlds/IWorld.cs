namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// A preference world: a prompt distribution, a tiny response language, a cheap gold utility u(x, y) and a
/// generator of demonstrations of varied quality, so that every claim about learning from preferences can be
/// measured against the truth. Prompts and responses are short (a few words or digits) so that a 1–2 layer
/// model with a byte-level tokenizer learns them in minutes on a CPU.
/// </summary>
/// <remarks>
/// Every scoring member must accept ANY string (a policy under training emits garbage): parse leniently,
/// score garbage low, never throw. Everything is deterministic given the <see cref="Random"/>.
/// </remarks>
public interface IWorld
{
    /// <summary>The catalogue name ("sorting", "lexicon", …).</summary>
    string Name { get; }

    /// <summary>One line for <c>prefsharp gym list</c>.</summary>
    string Description { get; }

    /// <summary>Annotator groups with utilities of their own (empty for a world with one utility).</summary>
    IReadOnlyList<string> Groups => [];

    /// <summary>A prompt from the world's prompt distribution.</summary>
    string SamplePrompt(Random random);

    /// <summary>A response to <paramref name="prompt"/> whose expected gold utility rises with <paramref name="quality"/> in [0, 1].</summary>
    string Demonstrate(string prompt, double quality, Random random);

    /// <summary>The gold utility u(x, y) (for a pluralistic world, the population's share-weighted utility).</summary>
    double GoldUtility(string prompt, string response);

    /// <summary>The utility of <paramref name="group"/> (one of <see cref="Groups"/>); null means <see cref="GoldUtility"/>.</summary>
    double GroupUtility(string prompt, string response, string? group) =>
        group is null ? GoldUtility(prompt, response) : throw UnknownGroup(group);

    /// <summary>
    /// The preference of <paramref name="group"/> for A over B on the logit scale: P(A ≻ B) = σ(margin / T) for an
    /// annotator of temperature T. For worlds with a utility it is u_g(A) − u_g(B); an intransitive world adds a term
    /// that no difference of utilities can express.
    /// </summary>
    double PreferenceMargin(string prompt, string responseA, string responseB, string? group) =>
        GroupUtility(prompt, responseA, group) - GroupUtility(prompt, responseB, group);

    /// <summary>The error for a group the world does not have, naming the ones it has.</summary>
    ArgumentException UnknownGroup(string group) => new(Groups.Count == 0
        ? $"group: the {Name} world has no annotator groups (got \"{group}\")"
        : $"group: the {Name} world has groups {string.Join(", ", Groups)} (got \"{group}\")");
}
