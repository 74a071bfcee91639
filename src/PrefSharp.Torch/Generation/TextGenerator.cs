using PrefSharp.Core.Data;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Text in, text out: prompts go through a <see cref="ChatTemplate"/> (the generation prompt of a chat template, or
/// the plain prompt), are left-padded into batches for <see cref="BatchGenerator"/>, and the generated ids are
/// decoded. The template's stop ids (&lt;|im_end|&gt;, &lt;|eot_id|&gt;, EOS) end rows besides the config's EOS. Batch
/// <c>b</c> (0-based) is sampled with seed <c>options.Seed + b</c>.
/// </summary>
public static class TextGenerator
{
    /// <summary>Completes each of <paramref name="prompts"/> (text, or a conversation for chat templates).</summary>
    public static List<TextCompletion> Generate(ICausalLM model, ChatTemplate template, IReadOnlyList<Passage> prompts,
        GenerationOptions options, int batchSize = 8)
    {
        if (batchSize < 1) throw new ArgumentException($"must be ≥ 1, found {batchSize}", nameof(batchSize));
        var tokenizer = template.Tokenizer;
        if (tokenizer.VocabularySize > model.Config.VocabSize)
            throw new ArgumentException(
                $"the tokenizer has {tokenizer.VocabularySize} ids but the model's embedding only {model.Config.VocabSize} (vocab_size in config.json)");
        var pad = tokenizer.PaddingId();
        var stops = template.StopTokenIds.Select(id => (long)id).Concat(options.StopTokenIds).Distinct().ToList();
        var promptIds = prompts.Select(p => PromptIds(template, p)).ToList();
        var completions = new List<TextCompletion>(prompts.Count);
        for (var start = 0; start < promptIds.Count; start += batchSize)
        {
            var batch = promptIds.Skip(start).Take(batchSize).ToList();
            using var scope = NewDisposeScope();
            var (ids, mask) = PromptBatch.LeftPad([.. batch.Select(p => (IReadOnlyList<long>)[.. p.Select(id => (long)id)])], pad);
            var output = BatchGenerator.Generate(model, ids, mask,
                options with { PadTokenId = pad, StopTokenIds = stops, Seed = options.Seed + start / batchSize });
            var width = (int)output.GeneratedTokens.shape[1];
            var tokens = output.GeneratedTokens.cpu().data<long>().ToArray();     // (B·N)
            var kept = output.GeneratedMask.cpu().data<long>().ToArray();         // (B·N)
            for (var row = 0; row < batch.Count; row++)
            {
                var generated = Enumerable.Range(row * width, width).Where(i => kept[i] == 1).Select(i => (int)tokens[i]).ToList();
                var stopped = generated.Count > 0 && stops.Contains(generated[^1]);
                completions.Add(new TextCompletion(batch[row], generated, tokenizer.Decode(generated), stopped));
            }
        }
        return completions;
    }

    /// <summary>The ids generation starts from: a conversation's generation prompt under a chat template, else the plain prompt.</summary>
    public static IReadOnlyList<int> PromptIds(ChatTemplate template, Passage prompt)
    {
        var ids = template.Kind != ChatTemplateKind.Plain && prompt.Messages is { } messages
            ? template.GenerationPrompt(messages)
            : template.Prompt(prompt.ToPlainText());
        return ids.Count > 0 ? ids : throw new ArgumentException("a prompt encodes to no token at all; give a non-empty prompt", nameof(prompt));
    }
}
