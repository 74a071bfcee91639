namespace PrefSharp.Torch.Gym;

/// <summary>
/// Held-out gold accuracy of plain Bradley–Terry and of the de-biased loss trained on the same labels with a fraction
/// flipped, and how many of the FLIPPED training pairs each model ends up ordering the flipped way (the share of the
/// noise it memorised; 0.5 would be indifference, 0 ignoring the flips entirely).
/// </summary>
public sealed record GymNoisyAccuracies(double BradleyTerry, double Debiased, double BradleyTerryFitsFlips, double DebiasedFitsFlips);
