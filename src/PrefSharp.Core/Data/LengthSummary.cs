namespace PrefSharp.Core.Data;

/// <summary>Distribution of text lengths in characters (UTF-16 code units; conversations summed over messages).</summary>
public sealed record LengthSummary(long Count, int Min, double Mean, double Median, double P90, int Max)
{
    /// <summary>The summary of <paramref name="lengths"/> (sorted in place); null when empty. Percentiles interpolate linearly between ranks.</summary>
    public static LengthSummary? Of(List<int> lengths)
    {
        if (lengths.Count == 0)
        {
            return null;
        }
        lengths.Sort();
        return new LengthSummary(lengths.Count, lengths[0], lengths.Average(), Percentile(lengths, 0.5), Percentile(lengths, 0.9), lengths[^1]);
    }

    private static double Percentile(List<int> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
