using System.Globalization;

namespace PrefSharp.Core.Data;

/// <summary>
/// AlpacaEval annotations: <c>{instruction, output_1, generator_1, output_2, generator_2, preference, annotator, dataset}</c>,
/// one battle each: A = generator_1 (the baseline), B = generator_2. <c>preference</c> is soft, in [1, 2]:
/// preference − 1 is the probability that output_2 is better, so ScoreA = 2 − preference; AlpacaEval's 0 means a
/// draw and scores 0.5. QuestionId is the instruction's index in the file (the element index, or line − 1 in JSONL),
/// which is the <c>index</c> of the compact battles derived from it. Style "length" counts code points, as Python's len.
/// Generator_1 may equal generator_2: AlpacaEval judges its baseline against itself (a 50 % win rate), so a
/// self-comparison is a record here, unlike in battle formats; leaderboard fits skip it.
/// </summary>
public sealed class AlpacaEvalFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("instruction", "output_1", "generator_1",
        "output_2", "generator_2", "preference", "annotator");

    public string Name => "alpaca-eval";

    public string Description => "AlpacaEval annotations {instruction, output_1/2, generator_1/2, preference in [1, 2] or 0, annotator, dataset}";

    public bool Matches(RecordFields record) =>
        record.Has("output_1") && record.Has("output_2") && record.Has("generator_1") && record.Has("preference");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var outputA = record.String("output_1");
        var outputB = record.String("output_2");
        var index = RecordChecks.RecordIndex(record.Location);
        output.Add(CreateBattle(record, index.ToString(CultureInfo.InvariantCulture), RecordChecks.CodePoints(outputA), RecordChecks.CodePoints(outputB), KnownFields) with
        {
            Prompt = Passage.FromText(record.String("instruction")),
            TextA = Passage.FromText(outputA),
            TextB = Passage.FromText(outputB),
            Judge = record.OptionalString("annotator"),
        });
    }

    /// <summary>The battle both AlpacaEval formats share: generators, soft score, lengths as styles, extras as metadata.</summary>
    internal static Battle CreateBattle(RecordFields record, string questionId, double lengthA, double lengthB, IReadOnlySet<string> known)
    {
        var itemA = record.ItemName("generator_1");
        var itemB = record.ItemName("generator_2");
        var scoreA = ScoreA(record, record.Number("preference"));
        return new Battle(itemA, itemB, RecordChecks.OutcomeFromScore(scoreA))
        {
            ScoreA = scoreA,
            QuestionId = questionId,
            StyleA = new Dictionary<string, double> { ["length"] = lengthA },
            StyleB = new Dictionary<string, double> { ["length"] = lengthB },
            Location = record.Location,
            Metadata = record.Extras(known),
        };
    }

    /// <summary>A's score from AlpacaEval's preference: 2 − preference for preference in [1, 2]; 0.5 for 0 (a draw).</summary>
    public static double ScoreA(RecordFields record, double preference) => preference switch
    {
        0 => 0.5,
        >= 1 and <= 2 => 2 - preference,
        _ => throw record.Error("preference", Problems.OutOfRange, "a value in [1, 2], or 0 for a draw", $"got {preference}"),
    };
}
