using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Sft;

/// <summary>Turns <see cref="SftExample"/>s into token ids with the response scored, through a chat template.</summary>
public static class SftTokenization
{
    /// <summary>
    /// Text examples: <see cref="ChatTemplate.PromptCompletion"/> (the plain template gives [BOS] + prompt + response +
    /// EOS). Conversations: the prompt's turns followed by the response as assistant turn(s), scored on every assistant
    /// turn (TRL's assistant-only loss). Truncated to <paramref name="maxLength"/>; null when truncation leaves no
    /// scored token (the caller counts and drops it).
    /// </summary>
    public static TokenizedSequence? Tokenize(SftExample example, ChatTemplate template, int maxLength)
    {
        if (example.Completion.IsEmpty) return null;
        var sequence = example.Prompt.IsConversation || example.Completion.IsConversation
            ? template.Conversation([.. Turns(example.Prompt, "user"), .. Turns(example.Completion, "assistant")])
            : template.PromptCompletion(example.Prompt.Text!, example.Completion.Text!);
        sequence = sequence.Truncate(maxLength);
        return sequence.ScoredTokens > 0 ? sequence : null;
    }

    private static IEnumerable<Message> Turns(Passage passage, string role) =>
        passage.IsEmpty ? [] : passage.Messages ?? [new Message(role, passage.Text!)];
}
