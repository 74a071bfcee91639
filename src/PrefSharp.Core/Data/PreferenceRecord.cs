namespace PrefSharp.Core.Data;

/// <summary>
/// Base of every record a reader yields: a preference pair, an unpaired judgement, a prompt,
/// a ranking or a battle. <see cref="Location"/> is kept so that later stages can report errors
/// against the input file.
/// </summary>
public abstract record PreferenceRecord
{
    /// <summary>Where the record was read from; default when built in memory.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Free-form extra fields from the source (kept through conversion where the target format allows).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
