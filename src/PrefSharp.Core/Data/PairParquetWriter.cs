using Parquet.Schema;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes preference pairs to Parquet in TRL's column layout: <c>prompt</c>, <c>chosen</c>, <c>rejected</c> as strings
/// (standard) or lists of {role, content} structs (conversational, as Hugging Face datasets store them), chosen from
/// the first pair; then the optional columns of <see cref="TrlJsonlWriter"/>, and metadata as a list of {key, value}.
/// </summary>
public static class PairParquetWriter
{
    public static long Write(string path, IEnumerable<PreferencePair> pairs, int rowGroupSize = ParquetOutput.DefaultRowGroupSize)
    {
        bool? promptIsConversation = null, responsesAreConversations = null;
        return ParquetOutput.Write(path, pairs, first =>
        {
            promptIsConversation = first?.Prompt.IsConversation ?? false;
            responsesAreConversations = first?.Chosen.IsConversation ?? false;
            return new ParquetSchema(
                PassageField("prompt", promptIsConversation.Value),
                PassageField("chosen", responsesAreConversations.Value),
                PassageField("rejected", responsesAreConversations.Value),
                new DataField<double?>("margin"), new DataField<double?>("score_chosen"), new DataField<double?>("score_rejected"),
                new DataField<double?>("label"), new DataField<bool>("is_tie"),
                new DataField<string>("annotator"), new DataField<string>("source"), new DataField<string>("id"),
                new DataField<string>("chosen_model"), new DataField<string>("rejected_model"),
                ParquetOutput.KeyValueList<string>(RecordFields.MetadataField));
        }, pair => new Dictionary<string, object?>
        {
            ["prompt"] = PassageValue(pair, "prompt", pair.Prompt, promptIsConversation!.Value),
            ["chosen"] = PassageValue(pair, "chosen", pair.Chosen, responsesAreConversations!.Value),
            ["rejected"] = PassageValue(pair, "rejected", pair.Rejected, responsesAreConversations.Value),
            ["margin"] = pair.Margin,
            ["score_chosen"] = pair.ScoreChosen,
            ["score_rejected"] = pair.ScoreRejected,
            ["label"] = pair.SoftLabel,
            ["is_tie"] = pair.IsTie,
            ["annotator"] = pair.AnnotatorId,
            ["source"] = pair.Source,
            ["id"] = pair.Id,
            ["chosen_model"] = pair.ChosenModel,
            ["rejected_model"] = pair.RejectedModel,
            [RecordFields.MetadataField] = ParquetOutput.KeyValueRows(pair.Metadata),
        }, rowGroupSize);
    }

    private static Field PassageField(string name, bool conversation) => conversation
        ? new ListField(name, new StructField("element", new DataField<string>("role"), new DataField<string>("content")))
        : new DataField<string>(name);

    private static object PassageValue(PreferencePair pair, string field, Passage passage, bool conversation)
    {
        if (passage.IsConversation != conversation)
        {
            throw new DataFormatException(pair.Location, field, Problems.WrongType,
                $"{(conversation ? "a conversation" : "text")}, as in the first pair (a Parquet column has one type)");
        }
        return passage.Messages?.Select(message => new Dictionary<string, object?> { ["role"] = message.Role, ["content"] = message.Content }).ToList()
            ?? (object)passage.Text!;
    }
}
