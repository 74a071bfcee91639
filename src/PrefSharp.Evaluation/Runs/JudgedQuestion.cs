using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Runs;

/// <summary>A question and its verdict; null when the judge failed or its answer held no verdict.</summary>
public sealed record JudgedQuestion(JudgeQuestion Question, Verdict? Verdict);
