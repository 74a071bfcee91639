namespace PrefSharp.Core.Data;

/// <summary>
/// Writes TRL JSONL (atomically; gzip when the path ends with ".gz"): pairs as <c>{prompt, chosen, rejected}</c>,
/// standard or conversational as each passage is, unpaired judgements as <c>{prompt, completion, label}</c>,
/// prompts as <c>{prompt}</c>. Optional fields (margin, score_chosen/score_rejected, soft label, is_tie, annotator,
/// source, id, chosen_model, rejected_model, metadata) are written when set, so that <see cref="TrlFormat"/> reads back equal records.
/// </summary>
public static class TrlJsonlWriter
{
    /// <summary>Writes the records; returns how many. Rankings and battles are rejected (convert battles with <see cref="RecordConversions.ToPreferencePair"/>).</summary>
    public static long Write(string path, IEnumerable<PreferenceRecord> records) => JsonRecordWriter.WriteLines(path, records, WriteFields);

    public static long Write(Stream stream, IEnumerable<PreferenceRecord> records) => JsonRecordWriter.WriteLines(stream, records, WriteFields);

    private static void WriteFields(JsonRecordWriter writer, PreferenceRecord record)
    {
        switch (record)
        {
            case PreferencePair pair: WritePair(writer, pair); break;
            case UnpairedJudgement unpaired: WriteUnpaired(writer, unpaired); break;
            case PromptOnly prompt:
                writer.Passage("prompt", prompt.Prompt);
                writer.String("source", prompt.Source);
                break;
            default:
                throw new ArgumentException($"{record.Location}: a {record.GetType().Name} has no TRL form; expected pairs, unpaired judgements or prompts", "records");
        }
    }

    private static void WritePair(JsonRecordWriter writer, PreferencePair pair)
    {
        writer.Passage("prompt", pair.Prompt);
        writer.Passage("chosen", pair.Chosen);
        writer.Passage("rejected", pair.Rejected);
        writer.Number("margin", pair.Margin);
        writer.Number("score_chosen", pair.ScoreChosen);
        writer.Number("score_rejected", pair.ScoreRejected);
        writer.Number("label", pair.SoftLabel);
        if (pair.IsTie)
        {
            writer.Json.WriteBoolean("is_tie", true);
        }
        writer.String("annotator", pair.AnnotatorId);
        writer.String("source", pair.Source);
        writer.String("id", pair.Id);
        writer.String("chosen_model", pair.ChosenModel);
        writer.String("rejected_model", pair.RejectedModel);
    }

    private static void WriteUnpaired(JsonRecordWriter writer, UnpairedJudgement unpaired)
    {
        writer.Passage("prompt", unpaired.Prompt);
        writer.Passage("completion", unpaired.Completion);
        writer.Json.WriteBoolean("label", unpaired.IsDesirable);
        writer.String("annotator", unpaired.AnnotatorId);
        writer.String("source", unpaired.Source);
    }
}
