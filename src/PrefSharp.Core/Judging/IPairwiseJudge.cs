namespace PrefSharp.Core.Judging;

/// <summary>Compares two responses to one prompt (an LLM-as-judge, a pairwise reward model, a human queue).</summary>
public interface IPairwiseJudge
{
    /// <summary>P(<paramref name="first"/> ≻ <paramref name="second"/>): 1 = first better, 0 = second, 0.5 = tie (or a probability).</summary>
    Task<PairwiseJudgement> CompareAsync(string prompt, string first, string second, CancellationToken cancellation = default);
}
