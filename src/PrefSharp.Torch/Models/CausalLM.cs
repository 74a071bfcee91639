
namespace PrefSharp.Torch.Models;

/// <summary>Builds the decoder a config describes, with freshly initialised weights (seed with <c>torch.manual_seed</c>).</summary>
public static class CausalLM
{
    /// <summary>A GPT-2 or Llama/Qwen2 model for <paramref name="config"/>.</summary>
    public static ICausalLM Create(ModelConfig config) => config.Family switch
    {
        ModelFamily.Gpt2 => new Gpt2LMHeadModel(config),
        ModelFamily.Llama or ModelFamily.Qwen2 => new LlamaForCausalLM(config),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Family, "unknown model family"),
    };

    /// <summary>As <see cref="Create(ModelConfig)"/>, then converted to <paramref name="target"/>'s type and moved to its device.</summary>
    public static ICausalLM Create(ModelConfig config, Runtime.ComputeTarget target)
    {
        var model = Create(config);
        target.Apply(model.Module);
        return model;
    }
}
