using PrefSharp.Torch.Batches;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Preference records → <see cref="TokenizedPair"/>s. A conversational record (prompt or responses as messages) goes
/// through the chat template: prompt turns, then the response as assistant turn(s), scored on what the assistant
/// says. A text record goes through the plain layout (prompt, completion, EOS; completion and EOS scored), so a model
/// trained on raw text is not handed chat markers it never saw.
/// </summary>
public static class PairEncoding
{
    /// <summary>One pair; <paramref name="value"/> (see <see cref="PairValues"/>) gives the pair's weight, null none.</summary>
    public static TokenizedPair Encode(PreferencePair pair, ChatTemplate chat, PlainTemplate plain, int maxLength, Func<PreferencePair, double?>? value = null)
    {
        if (maxLength < 2) throw new ArgumentException($"maxLength must be ≥ 2, found {maxLength}", nameof(maxLength));
        var conversational = pair.Prompt.IsConversation || pair.Chosen.IsConversation || pair.Rejected.IsConversation;
        Batches.TokenizedSequence Side(Passage response) => (conversational
            ? chat.Conversation([.. Turns(pair.Prompt, "user"), .. Turns(response, "assistant")])
            : plain.PromptCompletion(pair.Prompt.Text!, response.Text!)).Truncate(maxLength);
        return new TokenizedPair(Side(pair.Chosen), Side(pair.Rejected), value?.Invoke(pair));
    }

    /// <summary>Every non-tie pair of <paramref name="records"/>, encoded, with the number of ties and other records left out.</summary>
    public static EncodedPairs EncodeAll(IEnumerable<PreferenceRecord> records, ITokenizer tokenizer, ChatTemplateKind template,
        int maxLength, Func<PreferencePair, double?>? value = null)
    {
        var chat = ChatTemplate.For(tokenizer, template);
        var plain = new PlainTemplate(tokenizer);
        var (pairs, ties, other) = (new List<TokenizedPair>(), 0, 0);
        foreach (var record in records)
        {
            if (record is not PreferencePair pair) other++;
            else if (pair.IsTie) ties++;
            else pairs.Add(Encode(pair, chat, plain, maxLength, value));
        }
        return new EncodedPairs(pairs, ties, other);
    }

    private static IReadOnlyList<Message> Turns(Passage passage, string role) =>
        passage.Messages ?? (passage.IsEmpty ? [] : [new Message(role, passage.Text!)]);
}
