namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// The lexicon world's gold as six attributes (the terms of its utility, each oriented so that more is better):
/// <code>
/// relevance   = min(D_on, 3)              weight 1
/// valence     = min(D_+, 2) − min(D_−, 2)  weight ½
/// focus       = −D_off                     weight ½
/// cleanliness = −K                         weight ½
/// variety     = −(L − D)                   weight ½
/// concision   = −max(0, L − 6)             weight 0.3
/// </code>
/// An empty response rates relevance −1 and 0 elsewhere, so Σ w·a = −1 = its gold. The normalised mixture is
/// (1, ½, ½, ½, ½, 0.3)/3.3.
/// </summary>
public sealed partial class LexiconWorld : IAttributedWorld
{
    private static readonly double[] GoldWeights = [1, 0.5, 0.5, 0.5, 0.5, 0.3];

    public IReadOnlyList<string> AttributeNames { get; } = ["relevance", "valence", "focus", "cleanliness", "variety", "concision"];

    public double[] Attributes(string prompt, string response)
    {
        var words = ResponseTokens.Words(response);
        if (words.Length == 0) return [-1, 0, 0, 0, 0, 0];
        var onTopic = TopicLexicon.OnTopic(prompt);
        var offTopic = TopicLexicon.OffTopic(prompt);
        var unknown = words.Count(w => !onTopic.Contains(w) && !offTopic.Contains(w) && !IsValenceOrFiller(w));
        return
        [
            Math.Min(ResponseTokens.DistinctIn(words, onTopic), 3),
            Math.Min(ResponseTokens.DistinctIn(words, Positive), 2) - Math.Min(ResponseTokens.DistinctIn(words, Negative), 2),
            -ResponseTokens.DistinctIn(words, offTopic),
            -unknown,
            -ResponseTokens.Repeats(words),
            -Math.Max(0, words.Length - IdealLength),
        ];
    }

    public IReadOnlyList<double> AttributeWeights(string? group) => group is null ? GoldWeights : throw ((IWorld)this).UnknownGroup(group);
}
