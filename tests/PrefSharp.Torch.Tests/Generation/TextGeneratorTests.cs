using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>Text in, text out over a tiny random GPT-2 (vocab 259) with the byte-level ChatML tokenizer.</summary>
public sealed class TextGeneratorTests
{
    private static ICausalLM Model()
    {
        manual_seed(4);
        return CausalLM.Create(ModelConfigJson.Parse("""
            {"model_type": "gpt2", "vocab_size": 259, "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 128,
             "layer_norm_epsilon": 1e-5, "initializer_range": 0.2, "eos_token_id": 256}
            """));
    }

    private static readonly Passage[] Prompts = [Passage.FromText("hi"), Passage.FromText("a longer prompt"), Passage.FromText("xyz")];

    [Fact]
    public void BatchingDoesNotChangeGreedyTextAndNoTensorLeaks()
    {
        using var model = Model();
        var template = ChatTemplate.For(ByteLevelTokenizer.WithChatMl());
        var options = new GenerationOptions { Temperature = 0, MaxNewTokens = 10 };
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var together = TextGenerator.Generate(model, template, Prompts, options, batchSize: 3);
        var alone = TextGenerator.Generate(model, template, Prompts, options, batchSize: 1);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Equal(alone.Select(c => c.CompletionIds), together.Select(c => c.CompletionIds));
        // The chat prompt is the ChatML generation prompt: <|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n.
        Assert.Equal(template.Prompt("hi"), together[0].PromptIds);
        foreach (var completion in together)
        {
            // A row stops exactly when its last id is <|im_end|> (258) or EOS (256); otherwise it ran to the limit.
            Assert.Equal(completion.Stopped, completion.CompletionIds[^1] is 256 or 258);
            if (!completion.Stopped) Assert.Equal(10, completion.CompletionIds.Count);
        }
    }

    [Fact]
    public void ATokenizerLargerThanTheEmbeddingIsRefused()
    {
        using var model = Model();
        var template = ChatTemplate.For(new ByteLevelTokenizer([.. SpecialTokens.ChatMl, .. SpecialTokens.Llama3]), ChatTemplateKind.Plain);
        var error = Assert.Throws<ArgumentException>(() => TextGenerator.Generate(model, template, Prompts, new GenerationOptions()));
        Assert.Contains("263 ids", error.Message);
    }
}
