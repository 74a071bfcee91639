namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// What one online DPO round did: pairs kept and dropped (ties, split votes, margin filter), the mean label margin
/// (labeller's score of chosen − rejected), the consistency rate C (1 when CREAM is off or in the first round), the
/// training loss per step and the final evaluation on the round's pairs; with a gold utility (a gym world), the mean
/// gold of the round's samples (the policy before the round's training) and the mean gold gap chosen − rejected.
/// </summary>
public sealed record OnlineDpoRound(int Round, int Samples, int Pairs, int Dropped, double MeanMargin, double Consistency,
    IReadOnlyList<double> Losses, IReadOnlyDictionary<string, double> Metrics, double? SampleGold, double? GoldGap);
