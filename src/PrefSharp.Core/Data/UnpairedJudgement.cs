namespace PrefSharp.Core.Data;

/// <summary>A single completion judged desirable or not (TRL's unpaired format, used by KTO).</summary>
public sealed record UnpairedJudgement(Passage Prompt, Passage Completion, bool IsDesirable) : PreferenceRecord
{
    public string? AnnotatorId { get; init; }
    public string? Source { get; init; }
}
