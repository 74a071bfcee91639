using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Batches;

namespace PrefSharp.Torch.Training.Sft;

/// <summary>Turns <see cref="SftExample"/>s into token ids with the response scored.</summary>
public static class SftTokenization
{
    /// <summary>
    /// Plain rendering: the prompt's text (conversations as "role: content" lines) followed by a newline when not
    /// empty, and the response's text. A chat template replaces this for chat models.
    /// </summary>
    public static (string Prompt, string Completion) PlainText(SftExample example) =>
        (example.Prompt.IsEmpty ? "" : example.Prompt.ToPlainText() + "\n", example.Completion.ToPlainText());

    /// <summary>
    /// [BOS] + prompt ids (not scored) + response ids + [EOS] (scored), truncated to <paramref name="maxLength"/>.
    /// Returns null when truncation leaves no scored token (the caller counts and drops it).
    /// </summary>
    public static TokenizedSequence? Tokenize(SftExample example, ITokenizer tokenizer, int maxLength,
        Func<SftExample, (string Prompt, string Completion)>? render = null)
    {
        var (promptText, completionText) = (render ?? PlainText)(example);
        List<int> prompt = [.. tokenizer.BosId is { } bos ? [bos] : Array.Empty<int>(), .. tokenizer.Encode(promptText)];
        List<int> completion = [.. tokenizer.Encode(completionText), .. tokenizer.EosId is { } eos ? [eos] : Array.Empty<int>()];
        if (completion.Count == 0) return null;
        var sequence = TokenizedSequence.PromptCompletion(prompt, completion).Truncate(maxLength);
        return sequence.ScoredTokens > 0 ? sequence : null;
    }
}
