namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// The pluralistic world's utilities as five attributes (oriented so that the population's weights are positive):
/// <code>
/// attribute                      concise   detailed   population (½ + ½)
/// coverage    = min(D_on, 4)       1          1          1
/// brevity     = −L                 0.4       −0.25       0.075
/// politeness  = min(D_polite, 2)  −0.3        0.5        0.1
/// cleanliness = −K                 0.5        0.5        0.5
/// restraint   = −max(0, L − 12)    0          0.25       0.125
/// </code>
/// (detailed's ¼·min(L, 12) = −¼·brevity + ¼·restraint). An empty response rates coverage −1 and 0 elsewhere, so
/// both groups give it −1, as the world does. The groups disagree in sign on brevity and politeness.
/// </summary>
public sealed partial class PluralisticWorld : IAttributedWorld
{
    private static readonly double[] ConciseWeights = [1, 0.4, -0.3, 0.5, 0];
    private static readonly double[] DetailedWeights = [1, -0.25, 0.5, 0.5, 0.25];
    private static readonly double[] PopulationWeights = ConciseWeights.Zip(DetailedWeights, (c, d) => 0.5 * c + 0.5 * d).ToArray();

    public IReadOnlyList<string> AttributeNames { get; } = ["coverage", "brevity", "politeness", "cleanliness", "restraint"];

    public double[] Attributes(string prompt, string response)
    {
        var words = ResponseTokens.Words(response);
        if (words.Length == 0) return [-1, 0, 0, 0, 0];
        var onTopic = TopicLexicon.OnTopic(prompt);
        var unknown = words.Count(w => !onTopic.Contains(w) && !PoliteWords.Contains(w) && !FillerWords.Contains(w));
        return
        [
            Math.Min(ResponseTokens.DistinctIn(words, onTopic), 4),
            -words.Length,
            Math.Min(ResponseTokens.DistinctIn(words, PoliteWords), 2),
            -unknown,
            -Math.Max(0, words.Length - 12),
        ];
    }

    public IReadOnlyList<double> AttributeWeights(string? group) => group switch
    {
        null => PopulationWeights,
        Concise => ConciseWeights,
        Detailed => DetailedWeights,
        _ => throw ((IWorld)this).UnknownGroup(group),
    };
}
