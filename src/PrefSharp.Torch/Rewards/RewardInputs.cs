using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Turns a (prompt, completion) into the token ids a reward model scores. Plain text: [BOS] + prompt + completion +
/// EOS. A conversation (either side a list of messages) goes through the tokenizer's <see cref="ChatTemplate"/>: the
/// prompt's messages (a plain-text prompt becomes one user turn) followed by the completion (a plain-text completion
/// becomes one assistant turn). Too-long sequences keep their LAST <c>maxLength</c> tokens: the reward is read at the
/// last real token, so the end of the completion must survive truncation.
/// </summary>
public static class RewardInputs
{
    /// <summary>The sequence for <paramref name="prompt"/> + <paramref name="completion"/>, at most <paramref name="maxLength"/> tokens.</summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, Passage prompt, Passage completion, int maxLength)
    {
        if (maxLength < 1) throw new ArgumentException($"maxLength must be ≥ 1, found {maxLength}", nameof(maxLength));
        var sequence = prompt.IsConversation || completion.IsConversation
            ? ChatTemplate.For(tokenizer).Conversation([.. Messages(prompt, "user"), .. Messages(completion, "assistant")])
            : Plain(tokenizer, prompt.Text!, completion.Text!);
        return KeepLast(sequence, maxLength);
    }

    /// <summary>Plain text prompt and completion (the gym's case).</summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, string prompt, string completion, int maxLength) =>
        Encode(tokenizer, Passage.FromText(prompt), Passage.FromText(completion), maxLength);

    private static TokenizedSequence Plain(ITokenizer tokenizer, string prompt, string completion)
    {
        var promptIds = new List<int>();
        if (tokenizer.BosId is { } bos) promptIds.Add(bos);
        promptIds.AddRange(tokenizer.Encode(prompt));
        var completionIds = tokenizer.Encode(completion).ToList();
        if (tokenizer.EosId is { } eos) completionIds.Add(eos);
        if (promptIds.Count + completionIds.Count == 0) completionIds.Add(0);
        return TokenizedSequence.PromptCompletion(promptIds, completionIds);
    }

    private static IEnumerable<Message> Messages(Passage passage, string role) =>
        passage.Messages ?? (passage.Text!.Length == 0 ? [] : [new Message(role, passage.Text!)]);

    private static TokenizedSequence KeepLast(TokenizedSequence sequence, int maxLength) => sequence.Ids.Count <= maxLength ? sequence
        : new TokenizedSequence(sequence.Ids.Skip(sequence.Ids.Count - maxLength).ToArray(),
            sequence.LossMask.Skip(sequence.Ids.Count - maxLength).ToArray());
}
