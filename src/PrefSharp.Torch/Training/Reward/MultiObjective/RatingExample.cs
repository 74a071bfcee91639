using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// One absolutely rated response for ArmoRM stage 1: the tokenized prompt + response and one rating per objective;
/// <see cref="Rated"/> marks the objectives the example's source rated (null: all).
/// </summary>
public sealed record RatingExample(TokenizedSequence Sequence, double[] Ratings, bool[]? Rated = null);
