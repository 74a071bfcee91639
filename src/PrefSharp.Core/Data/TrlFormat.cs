namespace PrefSharp.Core.Data;

/// <summary>
/// TRL's dataset formats (huggingface.co/docs/trl/dataset_formats), standard (strings) or conversational
/// (lists of {role, content}): preference <c>{prompt?, chosen, rejected}</c> with an explicit or implicit prompt
/// (see <see cref="ImplicitPrompt"/>), optional <c>margin</c>, <c>score_chosen</c>/<c>score_rejected</c> and a soft
/// <c>label</c> in [0, 1]; unpaired <c>{prompt, completion, label: bool}</c>; prompt-only <c>{prompt}</c>; and
/// LLaMA-Factory's conversational unpaired <c>{messages, label}</c> whose last assistant message is the completion.
/// The fields PrefSharp's own writer adds (is_tie, annotator, source, id, chosen_model, rejected_model) are read back.
/// </summary>
public sealed class TrlFormat : IRecordFormat
{
    private static readonly HashSet<string> PairFields = RecordChecks.Known("prompt", "chosen", "rejected", "margin",
        "score_chosen", "score_rejected", "label", "is_tie", "annotator", "source", "id", "chosen_model", "rejected_model");

    private static readonly HashSet<string> UnpairedFields = RecordChecks.Known("prompt", "completion", "messages", "label", "annotator", "source");

    private static readonly HashSet<string> PromptFields = RecordChecks.Known("prompt", "source");

    public string Name => "trl";

    public string Description => "TRL preference / unpaired / prompt-only JSONL, standard or conversational, explicit or implicit prompt";

    public bool Matches(RecordFields record) =>
        (record.Has("chosen") && record.Has("rejected")) || (record.Has("completion") && record.Has("label")) ||
        (record.Has("messages") && record.Has("label")) || record.Has("prompt");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        if (record.Has("chosen") || record.Has("rejected"))
        {
            output.Add(ReadPair(record) with { Location = record.Location, Metadata = record.Extras(PairFields) });
        }
        else if (record.Has("completion") || record.Has("messages"))
        {
            output.Add(ReadUnpaired(record) with { Location = record.Location, Metadata = record.Extras(UnpairedFields) });
        }
        else
        {
            var prompt = record.NonEmpty(record.Passage("prompt"), "prompt");
            output.Add(new PromptOnly(prompt) { Source = record.OptionalString("source"), Location = record.Location, Metadata = record.Extras(PromptFields) });
        }
    }

    private static PreferencePair ReadPair(RecordFields record)
    {
        var chosen = record.Passage("chosen");
        var rejected = record.Passage("rejected");
        var prompt = record.OptionalPassage("prompt");
        if (prompt is null && chosen.IsConversation == rejected.IsConversation)
        {
            (prompt, chosen, rejected) = ImplicitPrompt.Split(chosen, rejected);
        }
        RecordChecks.Pair(record.Location, chosen, rejected);
        var label = record.OptionalNumber("label");
        return new PreferencePair(prompt ?? Passage.Empty, chosen, rejected)
        {
            Margin = record.OptionalNumber("margin"),
            ScoreChosen = record.OptionalNumber("score_chosen"),
            ScoreRejected = record.OptionalNumber("score_rejected"),
            SoftLabel = label is { } soft ? RecordChecks.Probability(record, soft, "label") : null,
            IsTie = record.Has("is_tie") && record.Boolean("is_tie"),
            AnnotatorId = record.OptionalString("annotator"),
            Source = record.OptionalString("source"),
            Id = record.OptionalId("id"),
            ChosenModel = record.OptionalString("chosen_model"),
            RejectedModel = record.OptionalString("rejected_model"),
        };
    }

    private static UnpairedJudgement ReadUnpaired(RecordFields record)
    {
        var desirable = record.Boolean("label");
        Passage prompt, completion;
        if (record.Has("completion"))
        {
            prompt = record.Passage("prompt");
            completion = record.NonEmpty(record.Passage("completion"), "completion");
        }
        else
        {
            var list = record.Array("messages");
            var messages = record.Messages(list, "messages", "role", "content", static role => role);
            if (messages.Length < 2 || messages[^1].Role != "assistant")
            {
                throw record.Error("messages", Problems.MissingField, "a conversation ending with an assistant message (the completion)");
            }
            prompt = Passage.FromMessages(messages[..^1]);
            completion = record.NonEmpty(Passage.FromMessages(messages[^1..]), "messages");
        }
        return new UnpairedJudgement(prompt, completion, desirable)
        {
            AnnotatorId = record.OptionalString("annotator"),
            Source = record.OptionalString("source"),
        };
    }
}
