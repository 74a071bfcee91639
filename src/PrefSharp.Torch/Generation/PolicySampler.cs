using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// A demo policy ready to sample: a causal LM and its tokenizer behind the plain template, prompted with
/// <see cref="GymText.Prompt"/> (or another prompt format, e.g. the raw prompt for data that is not a gym world's). <see cref="Sample"/> draws K completions per world prompt by ancestral sampling at
/// temperature 1 (<see cref="TextGenerator"/>, seeded), and scores each with log π(y | x), computed by one teacher-forced
/// forward pass (<see cref="CompletionLogProbs"/>) so that the same number comes out for the same ids under any policy.
/// </summary>
public sealed class PolicySampler : IDisposable
{
    private readonly bool ownsModel;
    private readonly Func<string, string> promptText;
    private readonly Func<string, string> responseText;

    /// <param name="model">The policy.</param>
    /// <param name="tokenizer">Its tokenizer (needs an EOS id).</param>
    /// <param name="ownsModel">Whether <see cref="Dispose"/> disposes the model.</param>
    /// <param name="promptText">The text the policy is prompted with for a prompt; null: <see cref="GymText.Prompt"/>.</param>
    /// <param name="responseText">The response of a decoded completion; null: <see cref="GymText.Response"/>.</param>
    public PolicySampler(ICausalLM model, ITokenizer tokenizer, bool ownsModel = false,
        Func<string, string>? promptText = null, Func<string, string>? responseText = null)
    {
        Model = model;
        Template = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
        this.ownsModel = ownsModel;
        this.promptText = promptText ?? GymText.Prompt;
        this.responseText = responseText ?? GymText.Response;
    }

    /// <summary>Loads a checkpoint folder (config.json, model.safetensors and tokenizer files) once.</summary>
    public static PolicySampler Load(string folder)
    {
        var tokenizer = TokenizerFiles.Load(folder);
        return new PolicySampler(Checkpoint.Load(folder), tokenizer, ownsModel: true);
    }

    public ICausalLM Model { get; }

    /// <summary>The plain template over the policy's tokenizer.</summary>
    public ChatTemplate Template { get; }

    public ITokenizer Tokenizer => Template.Tokenizer;

    /// <summary>
    /// <paramref name="samplesPerPrompt"/> completions of each of <paramref name="worldPrompts"/> (rows grouped by prompt),
    /// at temperature 1 with at most <paramref name="maxNewTokens"/> tokens; the same seed gives the same samples.
    /// </summary>
    public PolicySamples Sample(IReadOnlyList<string> worldPrompts, int samplesPerPrompt, long seed, int maxNewTokens = 24, int batchSize = 64)
    {
        if (worldPrompts.Count == 0) throw new ArgumentException("at least one prompt is needed", nameof(worldPrompts));
        if (samplesPerPrompt < 1) throw new ArgumentException($"samples per prompt must be ≥ 1 (got {samplesPerPrompt})", nameof(samplesPerPrompt));
        var prompts = worldPrompts.SelectMany(p => Enumerable.Repeat(p, samplesPerPrompt)).ToList();
        Model.Module.eval();
        List<TextCompletion> completions;
        using (no_grad())
            completions = TextGenerator.Generate(Model, Template, prompts.Select(p => Passage.FromText(promptText(p))).ToList(),
                new GenerationOptions { MaxNewTokens = maxNewTokens, Temperature = 1.0, Seed = seed }, batchSize);
        var promptIds = completions.Select(c => c.PromptIds).ToList();
        var completionIds = completions.Select(c => c.CompletionIds).ToList();
        return new PolicySamples(prompts, completions.Select(c => responseText(c.Text)).ToList(), promptIds, completionIds,
            LogProbs(promptIds, completionIds, batchSize));
    }

    /// <summary>log π(completion | prompt) of each pair of id lists under this policy (the sum over completion tokens).</summary>
    public double[] LogProbs(IReadOnlyList<IReadOnlyList<int>> promptIds, IReadOnlyList<IReadOnlyList<int>> completionIds, int batchSize = 64)
    {
        if (promptIds.Count != completionIds.Count)
            throw new ArgumentException($"{promptIds.Count} prompts but {completionIds.Count} completions", nameof(completionIds));
        var pad = Tokenizer.PaddingId();
        var result = new double[promptIds.Count];
        Model.Module.eval();
        for (var start = 0; start < promptIds.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var count = Math.Min(batchSize, promptIds.Count - start);
            var sequences = Enumerable.Range(start, count).Select(i => TokenizedSequence.PromptCompletion(promptIds[i], completionIds[i])).ToList();
            var batch = SequenceBatch.Collate(sequences, pad);
            var (logProbs, _) = CompletionLogProbs.Compute(Model, batch);
            var values = logProbs.PerSequence.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            Array.Copy(values, 0, result, start, count);
        }
        return result;
    }

    public void Dispose()
    {
        if (ownsModel) Model.Dispose();
    }
}
