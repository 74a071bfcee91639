using System.Globalization;
using Parquet.Schema;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes battles to Parquet with the field names of <see cref="BattlesFormat"/> (read back by it): flat columns,
/// timestamp as ISO 8601 text, styles and metadata as lists of {key, value}. Texts are stored as strings, so
/// battles whose prompt or responses are conversations are rejected (battle JSONL keeps them).
/// </summary>
public static class BattleParquetWriter
{
    private static readonly ParquetSchema Schema = new(
        new DataField<string>(BattleFields.ItemA), new DataField<string>(BattleFields.ItemB), new DataField<string>(BattleFields.Outcome),
        new DataField<double>(BattleFields.ScoreA), new DataField<double>(BattleFields.Weight), new DataField<double?>(BattleFields.Margin),
        new DataField<string>(BattleFields.Judge), new DataField<string>(BattleFields.QuestionId), new DataField<string>(BattleFields.Timestamp),
        new DataField<string>(BattleFields.Prompt), new DataField<string>(BattleFields.TextA), new DataField<string>(BattleFields.TextB),
        ParquetOutput.KeyValueList<double>(BattleFields.StyleA), ParquetOutput.KeyValueList<double>(BattleFields.StyleB),
        ParquetOutput.KeyValueList<string>(RecordFields.MetadataField));

    public static long Write(string path, IEnumerable<Battle> battles, int rowGroupSize = ParquetOutput.DefaultRowGroupSize) =>
        ParquetOutput.Write(path, battles, _ => Schema, battle => new Dictionary<string, object?>
        {
            [BattleFields.ItemA] = battle.ItemA,
            [BattleFields.ItemB] = battle.ItemB,
            [BattleFields.Outcome] = BattleFields.OutcomeName(battle.Outcome),
            [BattleFields.ScoreA] = battle.ScoreA,
            [BattleFields.Weight] = battle.Weight,
            [BattleFields.Margin] = battle.Margin,
            [BattleFields.Judge] = battle.Judge,
            [BattleFields.QuestionId] = battle.QuestionId,
            [BattleFields.Timestamp] = battle.Timestamp?.ToString("O", CultureInfo.InvariantCulture),
            [BattleFields.Prompt] = Text(battle, BattleFields.Prompt, battle.Prompt),
            [BattleFields.TextA] = Text(battle, BattleFields.TextA, battle.TextA),
            [BattleFields.TextB] = Text(battle, BattleFields.TextB, battle.TextB),
            [BattleFields.StyleA] = ParquetOutput.KeyValueRows(battle.StyleA),
            [BattleFields.StyleB] = ParquetOutput.KeyValueRows(battle.StyleB),
            [RecordFields.MetadataField] = ParquetOutput.KeyValueRows(battle.Metadata),
        }, rowGroupSize);

    private static string? Text(Battle battle, string field, Passage? passage) => passage is { IsConversation: true }
        ? throw new DataFormatException(battle.Location, field, Problems.WrongType, "plain text in battle Parquet (write conversations to battle JSONL)")
        : passage?.Text;
}
