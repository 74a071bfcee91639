using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// GPT-2 (Radford et al. 2019) with Hugging Face's <c>GPT2LMHeadModel</c> names: <c>transformer.*</c> and, only when
/// the embeddings are untied, <c>lm_head.weight</c>. Dropout is not applied (PrefSharp fine-tunes without it).
/// </summary>
public sealed class Gpt2LMHeadModel : CausalLanguageModel
{
    [ComponentName(Name = "transformer")] private readonly Gpt2Transformer _transformer;
    [ComponentName(Name = "lm_head")] private readonly Linear? _lmHead;

    public Gpt2LMHeadModel(ModelConfig config) : base(nameof(Gpt2LMHeadModel), config)
    {
        if (config.Family != ModelFamily.Gpt2)
            throw new ArgumentException($"a {config.Family} config cannot build GPT-2", nameof(config));
        _transformer = new Gpt2Transformer(config);
        if (!config.TieWordEmbeddings) _lmHead = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        RegisterComponents();
        InitializeWeights();
    }

    protected override ScalarType WeightType => _transformer.TokenEmbeddingWeight.dtype;

    protected override Device WeightDevice => _transformer.TokenEmbeddingWeight.device;

    internal override Tensor Decode(Tensor inputIds, AttentionInputs inputs, KvCache? cache) =>
        _transformer.forward(inputIds, inputs, cache);

    protected override Tensor ProjectToVocabulary(Tensor hidden) =>
        _lmHead is null
            ? nn.functional.linear(hidden, _transformer.TokenEmbeddingWeight)
            : _lmHead.forward(hidden);
}
