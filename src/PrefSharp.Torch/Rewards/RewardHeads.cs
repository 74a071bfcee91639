using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>Builds the <c>score</c> head of a reward model (names in <see cref="RewardHeadKind"/>).</summary>
public static class RewardHeads
{
    /// <summary>A freshly initialised head: weights ~ N(0, initializer_range²), biases 0.</summary>
    public static nn.Module<Tensor, Tensor> Create(RewardModelConfig config)
    {
        var d = config.Backbone.HiddenSize;
        nn.Module<Tensor, Tensor> head = config.Head switch
        {
            RewardHeadKind.Linear => nn.Linear(d, config.NumLabels, hasBias: false),
            RewardHeadKind.Mlp => nn.Sequential(
                ("0", nn.Linear(d, config.ResolvedHeadHiddenSize)),
                ("1", nn.ReLU()),
                ("2", nn.Linear(config.ResolvedHeadHiddenSize, config.NumLabels))),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Head, "unknown reward head"),
        };
        using var noGrad = no_grad();
        foreach (var (name, parameter) in head.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal)) parameter.zero_();
            else parameter.normal_(0.0, config.Backbone.InitializerRange);
        }
        return head;
    }
}
