using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// Llama (Touvron et al. 2023) and Qwen2 decoders with Hugging Face's <c>LlamaForCausalLM</c> /
/// <c>Qwen2ForCausalLM</c> names: <c>model.*</c> and, unless tied, <c>lm_head.weight</c>.
/// </summary>
public sealed class LlamaForCausalLM : CausalLanguageModel
{
    [ComponentName(Name = "model")] private readonly LlamaModel _model;
    [ComponentName(Name = "lm_head")] private readonly Linear? _lmHead;

    public LlamaForCausalLM(ModelConfig config) : base(nameof(LlamaForCausalLM), config)
    {
        if (config.Family is not (ModelFamily.Llama or ModelFamily.Qwen2))
            throw new ArgumentException($"a {config.Family} config cannot build a Llama-style model", nameof(config));
        _model = new LlamaModel(config);
        if (!config.TieWordEmbeddings) _lmHead = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        RegisterComponents();
        InitializeWeights();
    }

    protected override ScalarType WeightType => _model.TokenEmbeddingWeight.dtype;

    protected override Device WeightDevice => _model.TokenEmbeddingWeight.device;

    internal override Tensor Decode(Tensor inputIds, AttentionInputs inputs, KvCache? cache) =>
        _model.forward(inputIds, inputs, cache, (cache?.Length ?? 0) + inputIds.shape[1]);

    protected override Tensor ProjectToVocabulary(Tensor hidden) =>
        _lmHead is null
            ? nn.functional.linear(hidden, _model.TokenEmbeddingWeight)
            : _lmHead.forward(hidden);
}
