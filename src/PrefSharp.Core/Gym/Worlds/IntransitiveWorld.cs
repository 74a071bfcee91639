namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// Cyclic preferences among styles, where no scalar reward is right (Zhang et al. 2024, "Beyond Bradley–Terry";
/// Munos et al. 2024, "Nash Learning from Human Feedback"). The prompt is a topic; a response opens with a style word
/// (formal, casual or poetic) followed by words from <see cref="TopicLexicon"/>. The content score is
/// <code>c = min(distinct on-topic words, 3) − ½·(repeated tokens) − ½·(tokens neither on-topic nor fillers)</code>
/// (−1 for an empty response), and the preference margin of A over B is
/// <code>margin = c_A − c_B + 2·cyc(style_A, style_B),  cyc = +1 when A's style beats B's, −1 when it loses, else 0</code>
/// with formal ≻ casual ≻ poetic ≻ formal. <see cref="GoldUtility"/> is c, the transitive part only: among equally
/// good responses of the three styles every one is beaten by another, so any scalar reward misorders one pair.
/// </summary>
public sealed class IntransitiveWorld : IWorld
{
    /// <summary>The styles in cyclic order: each beats the next, the last beats the first.</summary>
    public static IReadOnlyList<string> Styles { get; } = ["formal", "casual", "poetic"];

    /// <summary>The logit weight of the cyclic style term.</summary>
    public const double StyleWeight = 2.0;

    public string Name => "intransitive";

    public string Description => "topic word → style word + words; formal ≻ casual ≻ poetic ≻ formal, so no scalar reward is right";

    public string SamplePrompt(Random random) => ResponseTokens.Pick(TopicLexicon.TopicNames, random);

    public string Demonstrate(string prompt, double quality, Random random)
    {
        var q = Math.Clamp(quality, 0, 1);
        var onTopic = TopicLexicon.OnTopic(prompt).Order(StringComparer.Ordinal).ToArray();
        var words = new List<string> { ResponseTokens.Pick(Styles, random) };
        var length = random.Next(1, 5);
        for (var i = 0; i < length; i++)
        {
            var draw = random.NextDouble(); // P(on-topic) = 0.3 + 0.7q, else a filler or an off-topic word
            words.Add(draw < 0.3 + 0.7 * q && onTopic.Length > 0 ? ResponseTokens.Pick(onTopic, random)
                : random.Next(2) == 0 ? ResponseTokens.Pick(TopicLexicon.Fillers, random)
                : ResponseTokens.Pick(TopicLexicon.OffTopic(prompt).Order(StringComparer.Ordinal).ToArray(), random));
        }
        return string.Join(' ', words);
    }

    public double GoldUtility(string prompt, string response)
    {
        var words = ResponseTokens.Words(response);
        if (words.Length == 0) return -1;
        var content = StyleOf(words) is null ? words : words[1..];
        var onTopic = TopicLexicon.OnTopic(prompt);
        var unknown = content.Count(w => !onTopic.Contains(w) && !Fillers.Contains(w));
        return Math.Min(ResponseTokens.DistinctIn(content, onTopic), 3) - 0.5 * ResponseTokens.Repeats(content) - 0.5 * unknown;
    }

    public double PreferenceMargin(string prompt, string responseA, string responseB, string? group)
    {
        if (group is not null) throw ((IWorld)this).UnknownGroup(group);
        return GoldUtility(prompt, responseA) - GoldUtility(prompt, responseB)
            + StyleWeight * Cycle(StyleOf(ResponseTokens.Words(responseA)), StyleOf(ResponseTokens.Words(responseB)));
    }

    /// <summary>+1 when style a beats style b in the cycle, −1 when it loses, 0 when equal or either is missing.</summary>
    public static int Cycle(string? a, string? b)
    {
        if (a is null || b is null || a == b) return 0;
        var i = IndexOf(a);
        var j = IndexOf(b);
        return (i + 1) % Styles.Count == j ? 1 : -1;
    }

    /// <summary>The style a response opens with, or null.</summary>
    public static string? StyleOf(IReadOnlyList<string> words) => words.Count > 0 && IndexOf(words[0]) >= 0 ? words[0] : null;

    private static int IndexOf(string style)
    {
        for (var i = 0; i < Styles.Count; i++) if (Styles[i] == style) return i;
        return -1;
    }

    private static readonly HashSet<string> Fillers = [.. TopicLexicon.Fillers];
}
