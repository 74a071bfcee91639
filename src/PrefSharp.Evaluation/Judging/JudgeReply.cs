namespace PrefSharp.Evaluation.Judging;

/// <summary>A judge's answer text and the tokens the server says it read and wrote (0 when it does not say).</summary>
public sealed record JudgeReply(string Text, long InputTokens, long OutputTokens);
