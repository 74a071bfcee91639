namespace PrefSharp.Server.Arena.Storage;

/// <summary>A vote as stored, with its pair and annotator: one row of every export.</summary>
public sealed record StoredVote(string PairId, string Annotator, string QuestionId, string ModelA, string ModelB,
    string? Prompt, string? TextA, string? TextB, string Outcome, string? Reason, DateTimeOffset Voted);
