namespace PrefSharp.Core.Data;

/// <summary>
/// Chatbot Arena battle JSONL (<c>{model_a, model_b, winner, judge, question_id, tstamp, conv_metadata}</c>, winner in
/// model_a / model_b / tie / "tie (bothbad)"), as FastChat's <c>clean_battle_data.py</c> writes it and
/// <see cref="ArenaFormat"/> reads it back; style features go into conv_metadata with the side as suffix
/// (<c>header_count_a</c>).
/// </summary>
public static class ArenaJsonlWriter
{
    public static long Write(Stream stream, IEnumerable<Battle> battles) => JsonRecordWriter.WriteLines(stream, battles, WriteFields);

    private static void WriteFields(JsonRecordWriter writer, Battle battle)
    {
        var json = writer.Json;
        json.WriteString("model_a", battle.ItemA);
        json.WriteString("model_b", battle.ItemB);
        json.WriteString("winner", battle.Outcome switch
        {
            BattleOutcome.A => "model_a",
            BattleOutcome.B => "model_b",
            BattleOutcome.Tie => "tie",
            _ => "tie (bothbad)",
        });
        writer.String("judge", battle.Judge);
        writer.String("question_id", battle.QuestionId);
        if (battle.Timestamp is { } time) json.WriteNumber("tstamp", time.ToUnixTimeMilliseconds() / 1000.0);
        if (battle.StyleA is null || battle.StyleB is null) return;
        json.WriteStartObject("conv_metadata");
        foreach (var (name, value) in battle.StyleA) json.WriteNumber($"{name}_a", value);
        foreach (var (name, value) in battle.StyleB) json.WriteNumber($"{name}_b", value);
        json.WriteEndObject();
    }
}
