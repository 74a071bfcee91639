using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Batches;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// Turns preference records into the tokenized sequences a reward model scores. The tokenizer and chat template come
/// from the Tokenization work that lands separately: <see cref="LoadTokenizer"/> is the one place to wire it.
/// </summary>
internal static class RewardModelInputs
{
    /// <summary>
    /// The tokenizer saved beside a model (<c>tokenizer.json</c>). NOT WIRED YET: replace the body with
    /// <c>TokenizerFiles.Load(modelDirectory)</c> once <c>PrefSharp.Torch.Tokenization</c> provides it.
    /// </summary>
    public static ITokenizer LoadTokenizer(string modelDirectory) =>
        throw new NotSupportedException(
            $"{modelDirectory}: loading a tokenizer is not available in this build yet (PrefSharp.Torch.Tokenization.TokenizerFiles is pending)");

    /// <summary>
    /// Prompt followed by completion as plain text (a conversation becomes "role: content" lines). When the tokenizer
    /// branch lands, conversational records should go through its ChatTemplate instead.
    /// </summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, Passage prompt, Passage completion, int maxLength)
    {
        var promptIds = new List<int>();
        if (tokenizer.BosId is { } bos) promptIds.Add(bos);
        promptIds.AddRange(tokenizer.Encode(prompt.ToPlainText()));
        var completionIds = tokenizer.Encode(completion.ToPlainText()).ToList();
        if (tokenizer.EosId is { } eos) completionIds.Add(eos);
        if (promptIds.Count + completionIds.Count == 0) completionIds.Add(tokenizer.EosId ?? 0);
        return TokenizedSequence.PromptCompletion(promptIds, completionIds).Truncate(maxLength);
    }
}
