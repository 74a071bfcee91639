namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// Two annotator groups who weigh the same attributes differently (pluralistic alignment: Siththaranjan et al. 2023,
/// "Distributional Preference Learning"; Chakraborty et al. 2024, "MaxMin-RLHF"). The prompt is a topic; a response is
/// words from <see cref="TopicLexicon"/>. With C = min(distinct on-topic words, 4) (coverage), L words, P = min(distinct
/// polite words, 2) and K tokens that are neither on-topic, polite nor fillers:
/// <code>
/// u_concise  = C − 0.4·L − 0.3·P − ½·K
/// u_detailed = C + 0.25·min(L, 12) + ½·P − ½·K
/// u_gold     = ½·u_concise + ½·u_detailed     (equal group shares)
/// </code>
/// and −1 for both groups on an empty response. The groups agree on coverage and garbage but disagree on length and
/// politeness, so a single reward fitted to the pooled labels serves neither group.
/// </summary>
public sealed partial class PluralisticWorld : IWorld
{
    public const string Concise = "concise";
    public const string Detailed = "detailed";

    public string Name => "pluralistic";

    public string Description => "topic word → words; a 'concise' and a 'detailed' annotator group weigh length and politeness oppositely";

    public IReadOnlyList<string> Groups { get; } = [Concise, Detailed];

    public string SamplePrompt(Random random) => ResponseTokens.Pick(TopicLexicon.TopicNames, random);

    public string Demonstrate(string prompt, double quality, Random random)
    {
        var q = Math.Clamp(quality, 0, 1);
        var onTopic = TopicLexicon.OnTopic(prompt).Order(StringComparer.Ordinal).ToArray();
        var offTopic = TopicLexicon.OffTopic(prompt).Order(StringComparer.Ordinal).ToArray();
        var words = new string[random.Next(1, 11)];
        for (var i = 0; i < words.Length; i++)
        {
            // P(on-topic) = 0.3 + 0.5q, P(polite) = 0.15, P(off-topic) = 0.3(1 − q), the rest fillers
            var draw = random.NextDouble();
            words[i] = draw < 0.3 + 0.5 * q && onTopic.Length > 0 ? ResponseTokens.Pick(onTopic, random)
                : (draw -= 0.3 + 0.5 * q) < 0.15 ? ResponseTokens.Pick(TopicLexicon.Polite, random)
                : (draw -= 0.15) < 0.3 * (1 - q) ? ResponseTokens.Pick(offTopic, random)
                : ResponseTokens.Pick(TopicLexicon.Fillers, random);
        }
        return string.Join(' ', words);
    }

    public double GoldUtility(string prompt, string response) =>
        0.5 * GroupUtility(prompt, response, Concise) + 0.5 * GroupUtility(prompt, response, Detailed);

    public double GroupUtility(string prompt, string response, string? group)
    {
        if (group is null) return GoldUtility(prompt, response);
        var concise = group == Concise;
        if (!concise && group != Detailed) throw ((IWorld)this).UnknownGroup(group);
        var words = ResponseTokens.Words(response);
        if (words.Length == 0) return -1;
        var onTopic = TopicLexicon.OnTopic(prompt);
        var coverage = Math.Min(ResponseTokens.DistinctIn(words, onTopic), 4);
        var polite = Math.Min(ResponseTokens.DistinctIn(words, PoliteWords), 2);
        var unknown = words.Count(w => !onTopic.Contains(w) && !PoliteWords.Contains(w) && !FillerWords.Contains(w));
        return concise
            ? coverage - 0.4 * words.Length - 0.3 * polite - 0.5 * unknown
            : coverage + 0.25 * Math.Min(words.Length, 12) + 0.5 * polite - 0.5 * unknown;
    }

    private static readonly HashSet<string> PoliteWords = [.. TopicLexicon.Polite];
    private static readonly HashSet<string> FillerWords = [.. TopicLexicon.Fillers];
}
