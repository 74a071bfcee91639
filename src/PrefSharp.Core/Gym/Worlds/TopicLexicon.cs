namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// The small vocabulary shared by the word worlds: four topics of four words each, positive and negative valence
/// words, fillers and politeness words (38 words, all lower-case ASCII). A prompt is a topic name.
/// </summary>
public static class TopicLexicon
{
    /// <summary>Topic name → its on-topic words.</summary>
    public static IReadOnlyDictionary<string, string[]> Topics { get; } = new Dictionary<string, string[]>
    {
        ["food"] = ["bread", "soup", "apple", "cheese"],
        ["music"] = ["song", "drum", "piano", "tune"],
        ["sport"] = ["goal", "ball", "team", "race"],
        ["sea"] = ["wave", "boat", "fish", "sand"],
    };

    public static IReadOnlyList<string> TopicNames { get; } = Topics.Keys.ToArray();
    public static string[] Positive { get; } = ["good", "great", "nice", "fun"];
    public static string[] Negative { get; } = ["bad", "dull", "sad", "awful"];
    public static string[] Fillers { get; } = ["the", "and", "so", "very"];
    public static string[] Polite { get; } = ["please", "thanks", "kindly"];

    /// <summary>The topic a prompt names (lenient: trimmed, lower case); null when it names none.</summary>
    public static string? TopicOf(string? prompt)
    {
        var words = ResponseTokens.Words(prompt);
        return words.FirstOrDefault(Topics.ContainsKey);
    }

    /// <summary>The on-topic words of <paramref name="prompt"/>'s topic (empty for an unknown prompt: nothing is relevant).</summary>
    public static HashSet<string> OnTopic(string? prompt) => TopicOf(prompt) is { } topic ? [.. Topics[topic]] : [];

    /// <summary>Every topic word of the other topics.</summary>
    public static HashSet<string> OffTopic(string? prompt)
    {
        var topic = TopicOf(prompt);
        return [.. Topics.Where(t => t.Key != topic).SelectMany(t => t.Value)];
    }
}
