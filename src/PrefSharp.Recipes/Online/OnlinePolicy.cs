using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// The policy side of an online run (GRPO, PPO, P3O): the checkpoint's tokenizer and chat template, the prompts
/// tokenized through it, its stop and pad ids, the trained policy and a frozen copy as the reference.
/// </summary>
public sealed class OnlinePolicy : IDisposable
{
    private readonly string directory;
    private readonly ITokenizer tokenizer;

    private OnlinePolicy(string directory, ITokenizer tokenizer, IReadOnlyList<GrpoPrompt> prompts, long[] stopTokenIds, ICausalLM policy,
        ICausalLM reference) =>
        (this.directory, this.tokenizer, Prompts, StopTokenIds, Policy, Reference) = (directory, tokenizer, prompts, stopTokenIds, policy, reference);

    /// <summary>Prompts as the policy sees them.</summary>
    public IReadOnlyList<GrpoPrompt> Prompts { get; }

    /// <summary>Token ids that end a completion (the template's end of turn).</summary>
    public long[] StopTokenIds { get; }

    /// <summary>The tokenizer's padding id.</summary>
    public long PadTokenId => tokenizer.PaddingId();

    /// <summary>The trained policy.</summary>
    public ICausalLM Policy { get; }

    /// <summary>The frozen reference (the same checkpoint, no gradients).</summary>
    public ICausalLM Reference { get; }

    /// <param name="directory">Policy checkpoint: config.json, model.safetensors and the tokenizer.</param>
    /// <param name="prompts">Plain-text prompts.</param>
    /// <param name="chat">Wrap prompts in the tokenizer's chat template; false: the plain template.</param>
    public static OnlinePolicy Load(string directory, IReadOnlyList<string> prompts, bool chat)
    {
        var tokenizer = TokenizerFiles.Load(directory);
        var template = ChatTemplate.For(tokenizer, chat ? ChatTemplateKind.Auto : ChatTemplateKind.Plain);
        var tokenized = prompts.Select(text => new GrpoPrompt(text, template.Prompt(text).Select(id => (long)id).ToArray())).ToList();
        var policy = Checkpoint.Load(directory);
        var reference = Checkpoint.Load(directory);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        return new OnlinePolicy(directory, tokenizer, tokenized, template.StopTokenIds.Select(id => (long)id).ToArray(), policy, reference);
    }

    /// <summary>Completion token ids → text (for reward sources).</summary>
    public string Decode(IReadOnlyList<long> ids) => tokenizer.Decode(ids.Select(id => (int)id));

    /// <summary>Copies the tokenizer files into a checkpoint folder, so a checkpoint is usable alone.</summary>
    public void SaveTokenizer(string folder) => TokenizerFiles.CopyFiles(directory, folder);

    public void Dispose()
    {
        Policy.Dispose();
        Reference.Dispose();
    }
}
