using PrefSharp.Core.Data;
using PrefSharp.Evaluation.Runs;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Arena.Export;

/// <summary>
/// Votes as PrefSharp battles: the annotator as judge, the prompt id, the time, both texts and, where the texts are
/// known, Chatbot Arena's style features (<see cref="MarkdownStyle"/>) so that <c>rank --style-control</c> reads them.
/// </summary>
public static class ArenaBattles
{
    public static IReadOnlyList<Battle> From(IEnumerable<StoredVote> votes) => votes.Select(ToBattle).ToList();

    public static Battle ToBattle(StoredVote vote) => new(vote.ModelA, vote.ModelB, VoteOutcomes.ToBattleOutcome(vote.Outcome))
    {
        Judge = vote.Annotator,
        QuestionId = vote.QuestionId.Length > 0 ? vote.QuestionId : null,
        Timestamp = vote.Voted,
        Prompt = vote.Prompt is { } prompt ? Passage.FromText(prompt) : null,
        TextA = vote.TextA is { } a ? Passage.FromText(a) : null,
        TextB = vote.TextB is { } b ? Passage.FromText(b) : null,
        StyleA = vote.TextA is { } styledA && vote.TextB is not null ? MarkdownStyle.Of(styledA) : null,
        StyleB = vote.TextB is { } styledB && vote.TextA is not null ? MarkdownStyle.Of(styledB) : null,
    };
}
