namespace PrefSharp.Core.Judging;

/// <summary>A judge could not give a verdict: the server failed after all retries, or its answer could not be parsed.</summary>
public sealed class JudgeException(string message, Exception? inner = null) : Exception(message, inner);
