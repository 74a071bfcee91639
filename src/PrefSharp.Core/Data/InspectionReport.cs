using System.Text.Json;
using System.Text.Json.Serialization;
using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Data;

/// <summary>
/// What <see cref="DataInspector"/> found in a file (for <c>prefsharp data inspect</c>): format, record counts by
/// kind, skipped records, text lengths, tie rate, duplicates, items compared, and annotator agreement.
/// <see cref="ToJson"/> writes it in snake_case (<c>records</c>, <c>format</c>, <c>majority_counts</c>, <c>cohen_kappa</c> …).
/// </summary>
public sealed record InspectionReport
{
    /// <summary>snake_case, indented, nulls left out; dictionary keys (labels, item names) as they are.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public required string Path { get; init; }
    public string? Format { get; init; }

    /// <summary>Records read (a PandaLM item with three annotators gives three battles).</summary>
    public long Records { get; init; }

    /// <summary>Records per kind: preference_pair, unpaired_judgement, prompt_only, battle, ranking.</summary>
    public required IReadOnlyDictionary<string, long> RecordKinds { get; init; }

    /// <summary>Records skipped by reason (with skip-invalid).</summary>
    public required IReadOnlyDictionary<string, long> Skipped { get; init; }

    public LengthSummary? PromptLength { get; init; }

    /// <summary>Lengths of chosen, rejected, completions, battle texts and ranked texts.</summary>
    public LengthSummary? ResponseLength { get; init; }

    /// <summary>Share of comparisons (pairs, battles, pairwise ranking labels) that are ties; null when none.</summary>
    public double? TieRate { get; init; }

    /// <summary>Pairs or battles identical to an earlier one in every field that identifies it.</summary>
    public long DuplicatePairs { get; init; }

    /// <summary>Distinct items (models) in battles; null without battles.</summary>
    public int? Items { get; init; }

    /// <summary>Battles each item took part in.</summary>
    public IReadOnlyDictionary<string, long>? BattlesPerItem { get; init; }

    /// <summary>Annotators (battle judges) with labels; null unless several annotators labelled shared items.</summary>
    public int? Annotators { get; init; }

    /// <summary>Majority-vote label counts over annotated items, in the source's label vocabulary.</summary>
    public IReadOnlyDictionary<string, long>? MajorityCounts { get; init; }

    public IReadOnlyList<PairwiseKappa>? CohenKappa { get; init; }
    public double? FleissKappa { get; init; }
    public int? FleissItems { get; init; }
    public int? FleissRaters { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
