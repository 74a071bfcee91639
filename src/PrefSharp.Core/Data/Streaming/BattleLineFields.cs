namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// The field names of one battle log layout as UTF-8 bytes: Chatbot Arena's <c>{model_a, model_b, winner}</c> or
/// PrefSharp's own <c>{item_a, item_b, outcome, score_a?, weight?}</c> (see <see cref="ArenaFormat"/> and
/// <see cref="BattlesFormat"/>, whose meaning the streaming path keeps exactly).
/// </summary>
internal sealed class BattleLineFields
{
    public static readonly BattleLineFields Arena = new("model_a"u8.ToArray(), "model_b"u8.ToArray(), "winner"u8.ToArray(),
        ["model_a"u8.ToArray(), "model_b"u8.ToArray(), "tie"u8.ToArray(), "tie (bothbad)"u8.ToArray()], "model_a, model_b, tie or \"tie (bothbad)\"", false);

    public static readonly BattleLineFields Battles = new("item_a"u8.ToArray(), "item_b"u8.ToArray(), "outcome"u8.ToArray(),
        ["a"u8.ToArray(), "b"u8.ToArray(), "tie"u8.ToArray(), "tie_bothbad"u8.ToArray()], "a, b, tie or tie_bothbad", true);

    private BattleLineFields(byte[] itemA, byte[] itemB, byte[] outcome, byte[][] labels, string expectedLabels, bool scored)
    {
        ItemA = itemA; ItemB = itemB; Outcome = outcome; Labels = labels; ExpectedLabels = expectedLabels; Scored = scored;
    }

    public byte[] ItemA { get; }
    public byte[] ItemB { get; }
    public byte[] Outcome { get; }

    /// <summary>The outcome labels in the order of <see cref="BattleOutcome"/>: A, B, Tie, TieBothBad.</summary>
    public byte[][] Labels { get; }
    public string ExpectedLabels { get; }

    /// <summary>Whether score_a and weight may follow (PrefSharp's layout).</summary>
    public bool Scored { get; }

    public string Name(byte[] field) => System.Text.Encoding.UTF8.GetString(field);

    /// <summary>The layout whose three required fields the first record has at its top level, or null.</summary>
    public static BattleLineFields? Detect(ReadOnlySpan<byte> line)
    {
        var seen = new bool[6];
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                byte[][] names = [Arena.ItemA, Arena.ItemB, Arena.Outcome, Battles.ItemA, Battles.ItemB, Battles.Outcome];
                for (int k = 0; k < names.Length; k++) seen[k] |= reader.ValueTextEquals(names[k]);
                reader.Read();
                reader.Skip();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        return seen[0] && seen[1] && seen[2] ? Arena : seen[3] && seen[4] && seen[5] ? Battles : null;
    }
}
