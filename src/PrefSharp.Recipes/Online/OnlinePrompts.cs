using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// What an online trainer needs from a policy folder before it samples: the tokenizer, the prompts tokenized through
/// the plain or the chat template, and the ids that end a completion (the template's end of turn) and pad it.
/// </summary>
public sealed record OnlinePrompts(ITokenizer Tokenizer, IReadOnlyList<GrpoPrompt> Prompts, long[] StopTokenIds, long PadTokenId)
{
    /// <summary>Loads the tokenizer of <paramref name="modelDirectory"/> and tokenizes <paramref name="prompts"/>.</summary>
    public static OnlinePrompts Load(string modelDirectory, IReadOnlyList<string> prompts, bool chat)
    {
        var tokenizer = TokenizerFiles.Load(modelDirectory);
        var template = ChatTemplate.For(tokenizer, chat ? ChatTemplateKind.Auto : ChatTemplateKind.Plain);
        return new OnlinePrompts(tokenizer, [.. prompts.Select(text => new GrpoPrompt(text, [.. template.Prompt(text).Select(id => (long)id)]))],
            [.. template.StopTokenIds.Select(id => (long)id)], tokenizer.PaddingId());
    }

    /// <summary>Completion ids → text (special tokens as the tokenizer decodes them).</summary>
    public string Decode(IReadOnlyList<long> ids) => Tokenizer.Decode(ids.Select(id => (int)id));
}
