namespace PrefSharp.Server.OpenAi;

/// <summary>
/// A piece of one choice's text for a streaming chunk: the text, the tokens it covers (<see cref="Tokens"/> indexes
/// <see cref="Ids"/> and <see cref="LogProbs"/>, the choice's tokens so far), and on the last piece the finish reason.
/// </summary>
internal sealed record StreamedDelta(int Index, string Text, IReadOnlyList<int> Ids, IReadOnlyList<float> LogProbs, Range Tokens, string? FinishReason);
