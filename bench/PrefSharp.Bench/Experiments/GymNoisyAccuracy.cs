namespace PrefSharp.Bench.Experiments;

/// <summary>
/// One training recipe under flipped labels: held-out gold accuracy, and the share of the FLIPPED training pairs the
/// model ends up ordering the flipped way (how much of the noise it memorised; 0.5 would be indifference, 0 ignoring
/// the flips entirely).
/// </summary>
public sealed record GymNoisyAccuracy(double Gold, double FitsFlips);
