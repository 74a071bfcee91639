using System.Globalization;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes PrefSharp battle JSONL (atomically; gzip when the path ends with ".gz") with every <see cref="Battle"/>
/// field, read back by <see cref="BattlesFormat"/>: converted data keeps its judges, soft scores, texts and styles.
/// </summary>
public static class BattleJsonlWriter
{
    public static long Write(string path, IEnumerable<Battle> battles) => JsonRecordWriter.WriteLines(path, battles, WriteFields);

    public static long Write(Stream stream, IEnumerable<Battle> battles) => JsonRecordWriter.WriteLines(stream, battles, WriteFields);

    private static void WriteFields(JsonRecordWriter writer, Battle battle)
    {
        var json = writer.Json;
        json.WriteString(BattleFields.ItemA, battle.ItemA);
        json.WriteString(BattleFields.ItemB, battle.ItemB);
        json.WriteString(BattleFields.Outcome, BattleFields.OutcomeName(battle.Outcome));
        json.WriteNumber(BattleFields.ScoreA, battle.ScoreA);
        if (battle.Weight != 1.0) json.WriteNumber(BattleFields.Weight, battle.Weight);
        writer.Number(BattleFields.Margin, battle.Margin);
        writer.String(BattleFields.Judge, battle.Judge);
        writer.String(BattleFields.QuestionId, battle.QuestionId);
        writer.String(BattleFields.Timestamp, battle.Timestamp?.ToString("O", CultureInfo.InvariantCulture));
        writer.Passage(BattleFields.Prompt, battle.Prompt);
        writer.Passage(BattleFields.TextA, battle.TextA);
        writer.Passage(BattleFields.TextB, battle.TextB);
        writer.Map(BattleFields.StyleA, battle.StyleA, static (j, key, value) => j.WriteNumber(key, value));
        writer.Map(BattleFields.StyleB, battle.StyleB, static (j, key, value) => j.WriteNumber(key, value));
    }
}
