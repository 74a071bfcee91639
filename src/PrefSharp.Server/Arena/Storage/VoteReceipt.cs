namespace PrefSharp.Server.Arena.Storage;

/// <summary>
/// The acknowledgement of a vote, committed to disk: the outcome on record (the first one, for a repeated submission),
/// the model names now revealed, and whether this submission repeated an earlier one.
/// </summary>
public sealed record VoteReceipt(string PairId, string ModelA, string ModelB, string Outcome, bool Duplicate);
