namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// What one run cost and how it went: questions planned, asked over HTTP, answered from the cache, answers without a
/// verdict, errors after all retries, and the tokens the servers reported for the questions asked in this run.
/// </summary>
public sealed record JudgeRunReport(int Questions, int Asked, int Cached, int Unparseable, int Errors, long InputTokens, long OutputTokens)
{
    public int Failures => Unparseable + Errors;

    /// <summary>US dollars for the tokens of this run at <paramref name="inputPerMillion"/> and <paramref name="outputPerMillion"/> dollars per million tokens.</summary>
    public double Cost(double inputPerMillion, double outputPerMillion) => (InputTokens * inputPerMillion + OutputTokens * outputPerMillion) / 1e6;
}
