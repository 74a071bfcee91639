namespace PrefSharp.Core.Data;

/// <summary>
/// Listwise preference sets (FineGrainedRLHF QA feedback, dev_feedback.json): <c>{question, "prediction 1" … "prediction k",
/// preference}</c> where preference holds the k(k−1)/2 pairwise labels in the order (1,2), (1,3), …, (1,k), (2,3), …;
/// per the dataset's README (GroupId is the record's index), 1 means the first of the pair is preferred, 2 the second, 0 no preference.
/// Read as a <see cref="ItemRanking"/> with <see cref="PairwiseLabel"/>s (items "prediction 1" …, with their texts).
/// </summary>
public sealed class ListwiseFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("question", "preference");

    public string Name => "listwise";

    public string Description => "listwise sets {question, \"prediction 1\" … \"prediction k\", preference: k(k-1)/2 labels 0/1/2} (FineGrainedRLHF)";

    public bool Matches(RecordFields record) => record.Has("question") && record.Has("prediction 1") && record.Has("preference");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var items = new List<RankedItem>();
        for (var k = 1; record.Has($"prediction {k}"); k++)
        {
            items.Add(new RankedItem($"prediction {k}", record.NonEmpty(Passage.FromText(record.String($"prediction {k}")), $"prediction {k}")));
        }
        var labels = record.Array("preference");
        var expectedCount = items.Count * (items.Count - 1) / 2;
        if (items.Count < 2 || labels.GetArrayLength() != expectedCount)
        {
            throw record.Error("preference", Problems.OutOfRange, $"{expectedCount} pairwise labels for {items.Count} predictions",
                $"got {labels.GetArrayLength()}");
        }
        var pairs = new List<PairwiseLabel>(expectedCount);
        using var values = labels.EnumerateArray();
        for (var first = 0; first < items.Count; first++)
        {
            for (var second = first + 1; second < items.Count; second++)
            {
                values.MoveNext();
                var field = $"preference[{pairs.Count}]";
                var label = record.NumberValue(values.Current, field);
                pairs.Add(new PairwiseLabel(first, second, label switch
                {
                    0 => BattleOutcome.Tie,
                    1 => BattleOutcome.A,
                    2 => BattleOutcome.B,
                    _ => throw record.Error(field, Problems.UnknownLabel, "0 (no preference), 1 (first preferred) or 2 (second)", $"got {label}"),
                }));
            }
        }
        var keep = record.Extras(KnownFields)?.Where(pair => !pair.Key.StartsWith("prediction ", StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);
        output.Add(new ItemRanking(items)
        {
            Prompt = Passage.FromText(record.String("question")),
            GroupId = RecordChecks.RecordIndex(record.Location).ToString(System.Globalization.CultureInfo.InvariantCulture),
            PairwiseLabels = pairs,
            Location = record.Location,
            Metadata = keep is { Count: > 0 } ? keep : null,
        });
    }
}
