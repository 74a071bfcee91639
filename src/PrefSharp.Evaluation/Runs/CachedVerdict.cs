namespace PrefSharp.Evaluation.Runs;

/// <summary>A judge's stored answer to one ordered question and the tokens it cost.</summary>
public sealed record CachedVerdict(string Text, long InputTokens, long OutputTokens);
