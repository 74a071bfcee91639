namespace PrefSharp.Core.Data;

/// <summary>The checks every format applies to what it builds, with the standard errors.</summary>
internal static class RecordChecks
{
    /// <summary>Chosen and rejected must be non-empty, of the same kind, and different.</summary>
    public static void Pair(SourceLocation location, Passage chosen, Passage rejected, string chosenField = "chosen", string rejectedField = "rejected")
    {
        if (chosen.IsEmpty || rejected.IsEmpty)
        {
            throw new DataFormatException(location, chosen.IsEmpty ? chosenField : rejectedField, Problems.EmptyText, "a non-empty text");
        }
        if (chosen.IsConversation != rejected.IsConversation)
        {
            throw new DataFormatException(location, rejectedField, Problems.WrongType, $"the same kind as {chosenField} (both text or both conversations)");
        }
        if (chosen.Equals(rejected))
        {
            throw new DataFormatException(location, rejectedField, Problems.IdenticalResponses, $"a response different from {chosenField}");
        }
    }

    /// <summary>The two items of a battle must differ.</summary>
    public static void DistinctItems(RecordFields record, string itemA, string itemB, string fieldB)
    {
        if (string.Equals(itemA, itemB, StringComparison.Ordinal))
        {
            throw record.Error(fieldB, Problems.SelfComparison, "two different items", $"both are \"{itemA}\"");
        }
    }

    /// <summary>A probability-like value in [0, 1].</summary>
    public static double Probability(RecordFields record, double value, string field) =>
        value is >= 0 and <= 1 ? value : throw record.Error(field, Problems.OutOfRange, "a value in [0, 1]", $"got {value}");

    /// <summary>
    /// Style covariates of both responses (counts and lengths, as Chatbot Arena's style control reads them): every value
    /// ≥ 0, and the same keys on both sides when both are given.
    /// </summary>
    public static void StylePair(RecordFields record, IReadOnlyDictionary<string, double>? styleA, IReadOnlyDictionary<string, double>? styleB,
        string fieldA, string fieldB)
    {
        foreach (var (style, field) in new[] { (styleA, fieldA), (styleB, fieldB) })
            foreach (var (key, value) in style ?? new Dictionary<string, double>())
                if (value < 0) throw record.Error($"{field}.{key}", Problems.OutOfRange, "a count or length >= 0", $"got {value}");
        if (styleA is null || styleB is null) return;
        var missing = styleA.Keys.Except(styleB.Keys).Concat(styleB.Keys.Except(styleA.Keys)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw record.Error(fieldB, Problems.MissingField, $"the same keys as {fieldA}", $"{string.Join(", ", missing)} on one side only");
    }

    /// <summary>The outcome implied by A's score: A above 0.5, B below, a tie at exactly 0.5.</summary>
    public static BattleOutcome OutcomeFromScore(double scoreA) =>
        scoreA > 0.5 ? BattleOutcome.A : scoreA < 0.5 ? BattleOutcome.B : BattleOutcome.Tie;

    /// <summary>Number of Unicode code points (what Python's len counts), used for "length" style covariates.</summary>
    public static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }
        return count;
    }

    /// <summary>0-based position of the record in its file: the element index, or line − 1 for line-based files.</summary>
    public static long RecordIndex(SourceLocation location) => location.IsRecordIndex ? location.Line : location.Line - 1;

    public static HashSet<string> Known(params string[] names) => new(names, StringComparer.Ordinal);
}
