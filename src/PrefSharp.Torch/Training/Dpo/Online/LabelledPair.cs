namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// One selected pair of a round: sample rows (into the round's flat samples) of the chosen and rejected response, the
/// prompt's index, and the label margin: the labeller's score of the chosen minus that of the rejected (a reward gap
/// for a reward model, a win-rate gap for a pairwise labeller).
/// </summary>
public readonly record struct LabelledPair(int Prompt, int Chosen, int Rejected, double Margin);
