namespace PrefSharp.Core.Data;

/// <summary>
/// Records left out by <see cref="ReadOptions.SkipInvalid"/>, counted by reason (<see cref="DataFormatException.Problem"/>),
/// with the first message of each reason so that a user can find an example in the file.
/// </summary>
public sealed class SkippedRecords
{
    private readonly SortedDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> firstMessages = new(StringComparer.Ordinal);

    /// <summary>Number of skipped records per reason.</summary>
    public IReadOnlyDictionary<string, long> ByReason => counts;

    /// <summary>The first error message seen for each reason.</summary>
    public IReadOnlyDictionary<string, string> FirstMessages => firstMessages;

    public long Total { get; private set; }

    /// <summary>Throws <paramref name="error"/> unless <paramref name="skip"/>; otherwise counts it.</summary>
    internal void SkipOrThrow(DataFormatException error, bool skip)
    {
        if (!skip)
        {
            throw error;
        }
        counts[error.Problem] = counts.GetValueOrDefault(error.Problem) + 1;
        firstMessages.TryAdd(error.Problem, error.Message);
        Total++;
    }
}
