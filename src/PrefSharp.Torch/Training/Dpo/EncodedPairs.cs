using PrefSharp.Torch.Batches;
namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The strict preferences of a set of records, encoded, and how many records were left out: ties (no preferred
/// response for a pairwise loss to learn from) and records of other kinds (rankings, ratings, battles without a pair).
/// </summary>
public sealed record EncodedPairs(List<TokenizedPair> Pairs, int SkippedTies, int SkippedOther);
