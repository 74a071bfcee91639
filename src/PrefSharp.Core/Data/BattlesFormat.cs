using System.Globalization;

namespace PrefSharp.Core.Data;

/// <summary>
/// PrefSharp's own battle records, written by <see cref="BattleJsonlWriter"/> and <see cref="BattleParquetWriter"/>:
/// <c>{item_a, item_b, outcome: a|b|tie|tie_bothbad, score_a, weight?, margin?, judge?, question_id?, timestamp (ISO 8601)?,
/// prompt?, text_a?, text_b?, style_a?, style_b?, metadata?}</c>. Every <see cref="Battle"/> field round-trips.
/// </summary>
public sealed class BattlesFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known(BattleFields.ItemA, BattleFields.ItemB,
        BattleFields.Outcome, BattleFields.ScoreA, BattleFields.Weight, BattleFields.Margin, BattleFields.Judge,
        BattleFields.QuestionId, BattleFields.Timestamp, BattleFields.Prompt, BattleFields.TextA, BattleFields.TextB,
        BattleFields.StyleA, BattleFields.StyleB);

    public string Name => "battles";

    public string Description => "PrefSharp battles {item_a, item_b, outcome a|b|tie|tie_bothbad, score_a, weight, judge, question_id, timestamp, texts, styles, metadata}";

    public bool Matches(RecordFields record) =>
        record.Has(BattleFields.ItemA) && record.Has(BattleFields.ItemB) && record.Has(BattleFields.Outcome);

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var itemA = record.ItemName(BattleFields.ItemA);
        var itemB = record.ItemName(BattleFields.ItemB);
        RecordChecks.DistinctItems(record, itemA, itemB, BattleFields.ItemB);
        var outcomeName = record.String(BattleFields.Outcome);
        var outcome = outcomeName switch
        {
            "a" => BattleOutcome.A,
            "b" => BattleOutcome.B,
            "tie" => BattleOutcome.Tie,
            "tie_bothbad" => BattleOutcome.TieBothBad,
            _ => throw record.Error(BattleFields.Outcome, Problems.UnknownLabel, "a, b, tie or tie_bothbad", $"got \"{outcomeName}\""),
        };
        var weight = record.OptionalNumber(BattleFields.Weight) ?? 1.0;
        var (styleA, styleB) = (record.OptionalNumberMap(BattleFields.StyleA), record.OptionalNumberMap(BattleFields.StyleB));
        RecordChecks.StylePair(record, styleA, styleB, BattleFields.StyleA, BattleFields.StyleB);
        output.Add(new Battle(itemA, itemB, outcome)
        {
            ScoreA = record.OptionalNumber(BattleFields.ScoreA) is { } score
                ? RecordChecks.Probability(record, score, BattleFields.ScoreA)
                : Battle.DefaultScore(outcome),
            Weight = weight >= 0 ? weight : throw record.Error(BattleFields.Weight, Problems.OutOfRange, "a weight >= 0", $"got {weight}"),
            Margin = record.OptionalNumber(BattleFields.Margin),
            Judge = record.OptionalString(BattleFields.Judge),
            QuestionId = record.OptionalId(BattleFields.QuestionId),
            Timestamp = Timestamp(record),
            Prompt = record.OptionalPassage(BattleFields.Prompt),
            TextA = record.OptionalPassage(BattleFields.TextA),
            TextB = record.OptionalPassage(BattleFields.TextB),
            StyleA = styleA,
            StyleB = styleB,
            Location = record.Location,
            Metadata = record.Extras(KnownFields),
        });
    }

    private static DateTimeOffset? Timestamp(RecordFields record)
    {
        var text = record.OptionalString(BattleFields.Timestamp);
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw record.Error(BattleFields.Timestamp, Problems.WrongType, "an ISO 8601 date and time", $"got \"{text}\"");
    }
}
