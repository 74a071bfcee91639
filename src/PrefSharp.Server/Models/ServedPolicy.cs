using PrefSharp.Server.Batching;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Models;

/// <summary>
/// A language model behind the API: chat requests go through <see cref="Chat"/> (the checkpoint's chat template),
/// completion requests through <see cref="Plain"/> (the text as is), both decoded by one <see cref="Batcher"/>.
/// </summary>
public sealed class ServedPolicy : IDisposable
{
    /// <param name="queueLength">Requests that may wait; see <see cref="DynamicBatcher"/>.</param>
    public ServedPolicy(string name, ICausalLM model, ITokenizer tokenizer, int maxBatchRows, int queueLength)
    {
        Name = name;
        Model = model;
        Chat = ChatTemplate.For(tokenizer);
        Plain = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
        Batcher = new DynamicBatcher(model, tokenizer, maxBatchRows, queueLength);
    }

    /// <summary>The id clients send as <c>model</c>.</summary>
    public string Name { get; }

    public ICausalLM Model { get; }

    /// <summary>The template chat messages go through (auto-detected from the tokenizer).</summary>
    public ChatTemplate Chat { get; }

    /// <summary>The template for raw completions: BOS when the tokenizer adds one, then the text.</summary>
    public ChatTemplate Plain { get; }

    /// <summary>Prompt plus generated tokens may not exceed this.</summary>
    public int ContextLength => Model.Config.MaxPositions;

    public DynamicBatcher Batcher { get; }

    public void Dispose()
    {
        Batcher.Dispose();
        Model.Dispose();
    }
}
