using PrefSharp.Core.Judging;

namespace PrefSharp.Evaluation.Judging;

/// <summary>
/// LLM-as-judge over a <see cref="ChatJudgeClient"/>: pairwise with <see cref="JudgePrompts.Pairwise"/> read by
/// <see cref="VerdictParser.Pairwise"/>, pointwise with <see cref="JudgePrompts.Pointwise"/> read by
/// <see cref="VerdictParser.Score"/>. Asks once, in the order given: wrap it in <see cref="PositionSwapJudge"/>
/// against position bias and in <see cref="CachingJudge"/> to avoid repeated calls.
/// </summary>
public sealed class ChatJudge(ChatJudgeClient client) : IPairwiseJudge, IPointwiseJudge
{
    /// <summary>The model name, used in cache keys.</summary>
    public string Model => client.Options.Model;

    public async Task<PairwiseJudgement> CompareAsync(string prompt, string first, string second, CancellationToken cancellation = default)
    {
        var reply = await client.CompleteAsync(JudgePrompts.Pairwise(prompt, first, second), cancellation).ConfigureAwait(false);
        return new PairwiseJudgement(VerdictParser.Pairwise(reply.Text), reply.Text);
    }

    public async Task<PointwiseJudgement> ScoreAsync(string prompt, string response, CancellationToken cancellation = default)
    {
        var reply = await client.CompleteAsync(JudgePrompts.Pointwise(prompt, response), cancellation).ConfigureAwait(false);
        return new PointwiseJudgement(VerdictParser.Score(reply.Text), reply.Text);
    }
}
