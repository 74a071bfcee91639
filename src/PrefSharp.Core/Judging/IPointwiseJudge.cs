namespace PrefSharp.Core.Judging;

/// <summary>Scores one response to a prompt on an absolute scale.</summary>
public interface IPointwiseJudge
{
    /// <summary>The score of <paramref name="response"/> (the OpenAI-compatible judge uses 1–10).</summary>
    Task<PointwiseJudgement> ScoreAsync(string prompt, string response, CancellationToken cancellation = default);
}
