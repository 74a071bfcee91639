namespace PrefSharp.Torch.Diagnostics;

/// <summary>Share of groups with a tiny raw reward spread, and the mean std of their advantages.</summary>
public sealed record IllusoryAdvantage(double TinySpreadFraction, double MeanAdvantageSpread);
