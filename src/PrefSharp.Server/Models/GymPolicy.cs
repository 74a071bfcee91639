using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Models;

/// <summary>
/// A policy of known quality from a gym world (<c>serve --model gym:WORLD@QUALITY</c>): it answers the last user
/// message, read as one of the world's prompts, with <see cref="IWorld.Demonstrate"/> at <see cref="Quality"/> ∈ [0, 1],
/// whose expected gold utility rises with the quality. Evaluations served this way have a known true order
/// (<c>eval --quick</c>).
/// </summary>
public sealed class GymPolicy(string name, IWorld world, double quality) : IScriptedChatModel
{
    public string Name { get; } = name;

    public IWorld World { get; } = world;

    public double Quality { get; } = quality;

    /// <summary>The policy for <c>gym:WORLD@QUALITY</c>, named <paramref name="name"/> (default: the spec itself).</summary>
    public static GymPolicy Parse(string spec, string? name = null, string option = "--model")
    {
        var at = spec.LastIndexOf('@');
        if (!spec.StartsWith("gym:", StringComparison.Ordinal) || at < 0)
            throw new ArgumentException($"{option}: a gym policy is gym:WORLD@QUALITY, e.g. gym:lexicon@0.8, found \"{spec}\"", option);
        if (!double.TryParse(spec[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var quality) || quality is < 0 or > 1)
            throw new ArgumentException($"{option}: the quality of \"{spec}\" must be a number in [0, 1]", option);
        return new GymPolicy(name ?? spec, WorldCatalog.Get(spec[4..at], option), quality);
    }

    public string Answer(IReadOnlyList<Message> messages, long? seed)
    {
        var prompt = messages.LastOrDefault(m => m.Role == "user")?.Content
            ?? throw ApiException.Invalid("messages", $"{Name} answers the last user message; there is none");
        var random = seed is { } s ? new Random(unchecked((int)s)) : new Random(Random.Shared.Next());
        return World.Demonstrate(prompt, Quality, random);
    }
}
