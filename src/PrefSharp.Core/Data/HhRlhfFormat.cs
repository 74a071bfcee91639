namespace PrefSharp.Core.Data;

/// <summary>
/// Anthropic HH-RLHF: <c>{chosen, rejected}</c>, each a whole transcript "\n\nHuman: …\n\nAssistant: …".
/// Both are parsed into user/assistant conversations; the shared leading turns are the prompt and the
/// rest (normally the final assistant turn) are the completions, as TRL's implicit-prompt rule does for messages.
/// </summary>
public sealed class HhRlhfFormat : IRecordFormat
{
    private const string HumanMarker = "\n\nHuman:";
    private const string AssistantMarker = "\n\nAssistant:";
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("chosen", "rejected");

    public string Name => "hh-rlhf";

    public string Description => "Anthropic HH-RLHF transcripts {chosen, rejected} (\"\\n\\nHuman: … \\n\\nAssistant: …\")";

    public bool Matches(RecordFields record) =>
        !record.Has("prompt") && record.TryGet("chosen", out var chosen) &&
        chosen.ValueKind == System.Text.Json.JsonValueKind.String &&
        chosen.GetString()!.StartsWith(HumanMarker, StringComparison.Ordinal);

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var chosen = Parse(record, "chosen");
        var rejected = Parse(record, "rejected");
        var (prompt, chosenTurns, rejectedTurns) = ImplicitPrompt.Split(chosen, rejected);
        var pair = new PreferencePair(Passage.FromMessages(prompt), Passage.FromMessages(chosenTurns), Passage.FromMessages(rejectedTurns))
        {
            Location = record.Location,
            Metadata = record.Extras(KnownFields),
        };
        RecordChecks.Pair(record.Location, pair.Chosen, pair.Rejected);
        output.Add(pair);
    }

    /// <summary>Splits a transcript at each "\n\nHuman:" / "\n\nAssistant:" marker; one space after the colon is dropped.</summary>
    public static Message[] ParseTranscript(string transcript, Func<string, DataFormatException> error)
    {
        if (!transcript.StartsWith(HumanMarker, StringComparison.Ordinal))
        {
            throw error("the transcript does not start with \"\\n\\nHuman:\"");
        }
        var messages = new List<Message>();
        var position = 0;
        while (position < transcript.Length)
        {
            var isHuman = string.CompareOrdinal(transcript, position, HumanMarker, 0, HumanMarker.Length) == 0;
            var contentStart = position + (isHuman ? HumanMarker.Length : AssistantMarker.Length);
            if (contentStart < transcript.Length && transcript[contentStart] == ' ')
            {
                contentStart++;
            }
            var next = NextMarker(transcript, contentStart);
            messages.Add(new Message(isHuman ? "user" : "assistant", transcript[contentStart..next]));
            position = next;
        }
        return messages.ToArray();
    }

    private static int NextMarker(string transcript, int from)
    {
        var human = transcript.IndexOf(HumanMarker, from, StringComparison.Ordinal);
        var assistant = transcript.IndexOf(AssistantMarker, from, StringComparison.Ordinal);
        return (human, assistant) switch
        {
            (< 0, < 0) => transcript.Length,
            (< 0, _) => assistant,
            (_, < 0) => human,
            _ => Math.Min(human, assistant),
        };
    }

    private static Message[] Parse(RecordFields record, string field) =>
        ParseTranscript(record.String(field), detail => record.Error(field, Problems.WrongType, "an HH-RLHF transcript", detail));
}
