using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking.Intransitive;

namespace PrefSharp.Torch.Training.Games;

/// <summary>
/// The intransitive world's style cycle as a game over four answers to one topic: formal, casual and poetic openings of
/// good content (three, three and two on-topic words) and a formal opening of one word. Under the world's preference
/// σ(margin) the three good answers form a cycle and the short one is dominated, so the maximal lottery mixes the
/// three styles with unequal weights and no scalar reward ranks them right.
/// </summary>
/// <param name="Answers">The four responses.</param>
/// <param name="Preference">P(i ≻ j) = σ(margin_ij) of <see cref="IntransitiveWorld"/>.</param>
/// <param name="Margin">M = P − Pᵀ, the skew-symmetric game.</param>
/// <param name="Lottery">The maximal lottery of M (<see cref="MaximalLottery"/>).</param>
public sealed record StyleCycleAnswers(IReadOnlyList<string> Answers, double[,] Preference, double[][] Margin, double[] Lottery)
{
    /// <summary>The answers to the world's first topic and their exact game.</summary>
    public static StyleCycleAnswers Create()
    {
        var world = new IntransitiveWorld();
        var topic = TopicLexicon.TopicNames[0];
        var words = TopicLexicon.OnTopic(topic).Order(StringComparer.Ordinal).ToArray();
        string[] answers = [$"formal {words[0]} {words[1]} {words[2]}", $"casual {words[0]} {words[1]} {words[2]}", $"poetic {words[0]} {words[1]}", $"formal {words[0]}"];
        var preference = AnswerGame.Preference(world, topic, answers);
        var margin = Enumerable.Range(0, answers.Length).Select(i => Enumerable.Range(0, answers.Length)
            .Select(j => preference[i, j] - preference[j, i]).ToArray()).ToArray();
        return new StyleCycleAnswers(answers, preference, margin, MaximalLottery.FromMargins(answers, margin).Probabilities);
    }

    /// <summary>P(π_a ≻ π_b) = Σ_ij a_i P_ij b_j, the win rate of one mixed policy against another.</summary>
    public double WinRate(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double total = 0;
        for (var i = 0; i < a.Count; i++)
            for (var j = 0; j < b.Count; j++) total += a[i] * Preference[i, j] * b[j];
        return total;
    }
}
