namespace PrefSharp.Core.Metrics;

/// <summary>
/// One bin [<paramref name="Lower"/>, <paramref name="Upper"/>) of a reliability diagram: how many predictions fell in
/// it, their mean predicted probability, and the observed frequency of the event among them (NaN when empty).
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Frequency);
