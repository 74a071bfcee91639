using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// The shared part of every decoder: input checks, mask and position preparation, the cache bookkeeping, the output
/// projection for the kept positions, and Hugging Face-style initialisation of fresh weights. Subclasses hold the
/// submodules under their Hugging Face names.
/// </summary>
public abstract class CausalLanguageModel : nn.Module, ICausalLM
{
    protected CausalLanguageModel(string name, ModelConfig config) : base(name)
    {
        Config = config.Validate();
    }

    public ModelConfig Config { get; }

    public nn.Module Module => this;

    /// <summary>The element type of the weights (the compute type of the forward).</summary>
    protected abstract ScalarType WeightType { get; }

    /// <summary>The device of the weights, where the forward runs.</summary>
    protected abstract Device WeightDevice { get; }

    /// <summary>Embeds, runs the layers and the final norm: (B, T) → (B, T, d).</summary>
    internal abstract Tensor Decode(Tensor inputIds, AttentionInputs inputs, KvCache? cache);

    /// <summary>The output projection (B, T, d) → (B, T, V), tied to the input embedding when the config says so.</summary>
    protected abstract Tensor ProjectToVocabulary(Tensor hidden);

    public CausalLMOutput forward(Tensor inputIds, Tensor? attentionMask = null, KvCache? cache = null, long logitsToKeep = 0)
    {
        using var scope = NewDisposeScope();
        var hidden = Hidden(inputIds, attentionMask, cache);                        // (B, T, d)
        var length = hidden.shape[1];
        var kept = logitsToKeep > 0 && logitsToKeep < length
            ? hidden.narrow(1, length - logitsToKeep, logitsToKeep)                 // (B, k, d)
            : hidden;
        var logits = ProjectToVocabulary(kept);                                     // (B, T or k, V)
        return new CausalLMOutput(logits.MoveToOuterDisposeScope(), hidden.MoveToOuterDisposeScope());
    }

    public Tensor forward_hidden(Tensor inputIds, Tensor? attentionMask = null, KvCache? cache = null)
    {
        using var scope = NewDisposeScope();
        return Hidden(inputIds, attentionMask, cache).MoveToOuterDisposeScope();
    }

    public KvCache NewCache(long capacity) => new(Config.NumLayers, capacity);

    private Tensor Hidden(Tensor inputIds, Tensor? attentionMask, KvCache? cache)
    {
        if (inputIds.dim() != 2 || inputIds.dtype != ScalarType.Int64)
            throw new ArgumentException($"input ids must be (B, T) int64, found {inputIds.dtype} [{string.Join(", ", inputIds.shape)}]", nameof(inputIds));
        var (batch, length) = (inputIds.shape[0], inputIds.shape[1]);
        var past = cache?.Length ?? 0;
        var device = WeightDevice;
        if (inputIds.device_type != device.type || inputIds.device_index != device.index)   // ids packed on the CPU follow the model
        {
            inputIds = inputIds.to(device);
            attentionMask = attentionMask?.to(device);
        }
        if (Config.Family == ModelFamily.Gpt2 && past + length > Config.MaxPositions)
            throw new ArgumentException(
                $"{past + length} tokens exceed n_positions = {Config.MaxPositions} of this GPT-2 model", nameof(inputIds));
        var inputs = AttentionMasks.Prepare(attentionMask, batch, length, past, WeightType, device);
        var hidden = Decode(inputIds, inputs, cache);
        cache?.Advance(length);
        return hidden;
    }

    /// <summary>
    /// Fresh weights as Hugging Face initialises them: matrices ~ N(0, initializer_range²) (GPT-2 scales the residual
    /// <c>c_proj</c> weights by 1/√(2·n_layer)), biases 0, norm weights 1.
    /// </summary>
    protected void InitializeWeights()
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (parameter.dim() == 1)
            {
                if (name.EndsWith(".bias", StringComparison.Ordinal)) parameter.zero_();
                else parameter.fill_(1.0);
                continue;
            }
            var std = Config.InitializerRange;
            if (Config.Family == ModelFamily.Gpt2 && name.EndsWith("c_proj.weight", StringComparison.Ordinal))
                std /= Math.Sqrt(2.0 * Config.NumLayers);
            parameter.normal_(0.0, std);
        }
    }
}
