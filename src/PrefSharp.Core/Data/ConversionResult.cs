namespace PrefSharp.Core.Data;

/// <summary>What a conversion did: the detected input format, the target, records written and records skipped by reason.</summary>
public sealed record ConversionResult(string Input, string Output, string? Format, ConvertTarget Target, long Written, SkippedRecords Skipped);
