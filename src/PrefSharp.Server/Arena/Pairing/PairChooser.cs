using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Active;
using PrefSharp.Server.Arena.Auth;
using PrefSharp.Server.Arena.Content;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Arena.Pairing;

/// <summary>
/// Serves the next pair to an annotator: the one still pending if any; else, with probability
/// <paramref name="overlap"/>, an item someone else voted on (for inter-annotator agreement); else two models chosen
/// uniformly or actively, on a prompt both answered, in random order. The pair is on disk before it is shown.
/// </summary>
public sealed class PairChooser(ArenaContent content, ArenaStore store, PairSelection selection, double overlap)
{
    public ServedPair Next(long annotatorId)
    {
        if (store.PendingPair(annotatorId) is { } pending) return pending;
        var (question, modelA, modelB) = Repeat(annotatorId) ?? Fresh();
        if (Random.Shared.Next(2) == 1) (modelA, modelB) = (modelB, modelA);
        var pair = new ServedPair(Secrets.New(24), annotatorId, question.Id, modelA, modelB, question.Prompt, question.Answers[modelA], question.Answers[modelB]);
        store.Serve(pair);
        return pair;
    }

    private (ArenaQuestion, string, string)? Repeat(long annotatorId)
    {
        if (overlap <= 0 || Random.Shared.NextDouble() >= overlap) return null;
        if (store.ItemVotedByOthers(annotatorId) is not { } item) return null;
        var (id, a, b) = item;
        return content.Questions.TryGetValue(id, out var question) && question.Answers.ContainsKey(a) && question.Answers.ContainsKey(b)
            ? (question, a, b) : null;
    }

    private (ArenaQuestion, string, string) Fresh()
    {
        var (a, b) = selection == PairSelection.Active ? ActivePair() : content.Pairs.ElementAt(Random.Shared.Next(content.Pairs.Count));
        var shared = content.SharedQuestions(a, b);
        return (content.Questions[shared[Random.Shared.Next(shared.Count)]], a, b);
    }

    /// <summary>The pair of largest expected uncertainty reduction among those that share a prompt.</summary>
    private (string, string) ActivePair()
    {
        var battles = store.Votes().Where(v => content.Models.Contains(v.ModelA) && content.Models.Contains(v.ModelB))
            .Select(v => new Battle(v.ModelA, v.ModelB, VoteOutcomes.ToBattleOutcome(v.Outcome))).ToList();
        var choice = ActivePairSelector.SelectNext(battles, content.Models, new ActiveSelectionOptions { ReportedCandidates = int.MaxValue });
        var best = choice.TopCandidates.First(c => content.SharedQuestions(c.ItemA, c.ItemB).Count > 0);
        return (best.ItemA, best.ItemB);
    }
}
