namespace PrefSharp.Core.Data;

/// <summary>
/// ShareGPT preference data (LLaMA-Factory's dpo_en_demo.json): <c>conversations</c> is a list of
/// <c>{from, value}</c> turns (human / gpt / system) forming the prompt; <c>chosen</c> and <c>rejected</c> are
/// single <c>{from, value}</c> turns. Roles become user / assistant / system.
/// </summary>
public sealed class ShareGptFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("conversations", "chosen", "rejected");

    public string Name => "sharegpt";

    public string Description => "ShareGPT {conversations: [{from, value}], chosen: {from, value}, rejected: {from, value}} (LLaMA-Factory)";

    public bool Matches(RecordFields record) => record.Has("conversations") && record.Has("chosen") && record.Has("rejected");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var prompt = record.Messages(record.Array("conversations"), "conversations", "from", "value", MapRole);
        var chosen = Passage.FromMessages([Turn(record, "chosen")]);
        var rejected = Passage.FromMessages([Turn(record, "rejected")]);
        RecordChecks.Pair(record.Location, chosen, rejected);
        output.Add(new PreferencePair(Passage.FromMessages(prompt), chosen, rejected)
        {
            Location = record.Location,
            Metadata = record.Extras(KnownFields),
        });
    }

    /// <summary>ShareGPT's speaker names in role/content terms; unknown names are kept.</summary>
    public static string MapRole(string from) => from switch
    {
        "human" or "user" => "user",
        "gpt" or "assistant" => "assistant",
        _ => from,
    };

    private static Message Turn(RecordFields record, string field) =>
        record.MessageValue(record.Required(field, "an object {from, value}"), field, "from", "value", MapRole);
}
