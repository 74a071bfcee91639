using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Scoring;

/// <summary>
/// vLLM's pairing rule for <c>/score</c>: one left text against a list of right texts, or two lists of the same
/// length zipped. Applied here to (prompt, response) and to (prompt, response_a, response_b).
/// </summary>
internal static class ScoringPairs
{
    public const int MaxItems = 256;

    /// <summary>The left texts repeated to the right's length when there is one of them; 400 when the lengths differ otherwise.</summary>
    public static IReadOnlyList<string> Broadcast(IReadOnlyList<string> left, string leftName, int count, string rightName)
    {
        if (left.Count == 0) throw new ApiException(400, $"{leftName}: required", leftName, "missing_required_parameter");
        if (count == 0) throw new ApiException(400, $"{rightName}: required", rightName, "missing_required_parameter");
        if (left.Count == 1) return [.. Enumerable.Repeat(left[0], count)];
        return left.Count == count ? left
            : throw ApiException.Invalid(leftName, $"has {left.Count} items but {rightName} has {count}; give one or the same number");
    }
}
