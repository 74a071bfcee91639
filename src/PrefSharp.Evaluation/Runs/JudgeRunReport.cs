namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// What one run cost and how it went: questions planned, asked over HTTP, answered from the cache, answers without a
/// verdict, errors after all retries, and the tokens the servers reported for the questions asked in this run.
/// </summary>
public sealed record JudgeRunReport(int Questions, int Asked, int Cached, int Unparseable, int Errors, long InputTokens, long OutputTokens)
{
    public int Failures => Unparseable + Errors;
}
