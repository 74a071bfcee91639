namespace PrefSharp.Core.Data;

/// <summary>A prompt with no completion (TRL's prompt-only format, the input of online training).</summary>
public sealed record PromptOnly(Passage Prompt) : PreferenceRecord
{
    public string? Source { get; init; }
}
