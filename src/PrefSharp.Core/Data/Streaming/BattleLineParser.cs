using System.Text.Json;

namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// Parses one JSON line of a battle log straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: the two
/// item names (interned by their UTF-8 bytes through a span lookup, so a known name is neither transcoded nor
/// allocated), the outcome, and in PrefSharp's
/// layout score_a and weight. Other fields are skipped unread. Errors name the field, as the record readers do.
/// </summary>
internal sealed class BattleLineParser(BattleLineFields fields)
{
    private readonly Dictionary<byte[], int> _index = new(Utf8NameComparer.Instance);
    private readonly List<string> _names = [];

    /// <summary>Item names in order of first appearance; index k names item k.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Parses a line into (A, B, outcome, A's score, weight), or returns what was wrong with it.</summary>
    public ChunkError? Parse(ReadOnlySpan<byte> line, long lineNumber, out (int A, int B, BattleOutcome Outcome, double Score, double Weight) battle)
    {
        battle = default;
        int a = -1, b = -1, outcome = -1;
        double? score = null, weight = null;
        string? bName = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return new(lineNumber, null, Problems.NotAnObject, "one JSON object per line", null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(fields.ItemA)) { reader.Read(); if (Item(ref reader, fields.ItemA, lineNumber, out a, out _) is { } e) return e; }
                else if (reader.ValueTextEquals(fields.ItemB)) { reader.Read(); if (Item(ref reader, fields.ItemB, lineNumber, out b, out bName) is { } e) return e; }
                else if (reader.ValueTextEquals(fields.Outcome)) { reader.Read(); if (Outcome(ref reader, lineNumber, out outcome) is { } e) return e; }
                else if (fields.Scored && reader.ValueTextEquals("score_a"u8)) { reader.Read(); score = Number(ref reader); }
                else if (fields.Scored && reader.ValueTextEquals("weight"u8)) { reader.Read(); weight = Number(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
        }
        catch (JsonException error)
        {
            return new(lineNumber, null, Problems.MalformedJson, null, error.Message.Split(" LineNumber:")[0]);
        }
        catch (InvalidOperationException)
        {
            return new(lineNumber, null, Problems.WrongType, "item names and outcome as strings, score_a and weight as numbers", null);
        }
        if (a < 0 || b < 0 || outcome < 0)
        {
            var missing = a < 0 ? fields.ItemA : b < 0 ? fields.ItemB : fields.Outcome;
            return new(lineNumber, fields.Name(missing), Problems.MissingField, null, null);
        }
        if (a == b) return new(lineNumber, fields.Name(fields.ItemB), Problems.SelfComparison, "two different items", $"both are \"{bName}\"");
        var result = (BattleOutcome)outcome;
        double s = score ?? Battle.DefaultScore(result), w = weight ?? 1.0;
        if (!(s >= 0 && s <= 1)) return new(lineNumber, "score_a", Problems.OutOfRange, "a value in [0, 1]", $"got {s}");
        if (!(w >= 0)) return new(lineNumber, "weight", Problems.OutOfRange, "a weight >= 0", $"got {w}");
        battle = (a, b, result, s, w);
        return null;
    }

    private ChunkError? Item(ref Utf8JsonReader reader, byte[] field, long lineNumber, out int index, out string? name)
    {
        index = -1;
        name = null;
        if (reader.TokenType != JsonTokenType.String) return new(lineNumber, fields.Name(field), Problems.WrongType, "a string", null);
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            name = reader.GetString()!;
            return Intern(System.Text.Encoding.UTF8.GetBytes(name), name, field, lineNumber, out index);
        }
        var bytes = reader.ValueSpan;
        if (_index.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(bytes, out index)) { name = _names[index]; return null; }
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return new(lineNumber, fields.Name(field), "invalid UTF-8", "UTF-8 text", null);
        return Intern(bytes.ToArray(), name = System.Text.Encoding.UTF8.GetString(bytes), field, lineNumber, out index);
    }

    private ChunkError? Intern(byte[] bytes, string name, byte[] field, long lineNumber, out int index)
    {
        index = -1;
        if (name.Length == 0) return new(lineNumber, fields.Name(field), Problems.EmptyText, "a non-empty name", null);
        if (!_index.TryGetValue(bytes, out index)) { index = _names.Count; _index.Add(bytes, index); _names.Add(name); }
        return null;
    }

    private ChunkError? Outcome(ref Utf8JsonReader reader, long lineNumber, out int outcome)
    {
        outcome = -1;
        if (reader.TokenType == JsonTokenType.String)
            for (int k = 0; k < fields.Labels.Length; k++)
                if (reader.ValueTextEquals(fields.Labels[k])) { outcome = k; return null; }
        string got = reader.TokenType == JsonTokenType.String ? $"got \"{reader.GetString()}\"" : $"got {reader.TokenType}";
        return new(lineNumber, fields.Name(fields.Outcome), Problems.UnknownLabel, fields.ExpectedLabels, got);
    }

    private static double? Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();
}
