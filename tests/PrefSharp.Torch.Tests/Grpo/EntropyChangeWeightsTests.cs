using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>STEER's token weights (Hao et al. 2025) against a plain-double computation of Ω and the linear map.</summary>
public sealed class EntropyChangeWeightsTests
{
    [Fact]
    public void Weights_fall_linearly_with_the_entropy_change_and_masked_tokens_neither_count_nor_weigh()
    {
        const double advantage = 2, minWeight = 0.8, maxWeight = 1.2;
        double[] p = [0.5, 0.25, 0.8, 0.01], old = [0.5, 0.4, 0.8, 0.01], h = [0.7, 1.2, 0.5, 3.0], mask = [1, 1, 1, 0];
        var omega = p.Select((x, t) => Math.Abs(advantage / old[t] * x * (1 - x) * (Math.Log(x) + h[t]))).ToArray();
        var scored = omega.Take(3).ToArray();
        var expected = omega.Select((o, t) => mask[t] == 0 ? 0
            : Math.Clamp(maxWeight - (o - scored.Min()) * (maxWeight - minWeight) / (scored.Max() - scored.Min()), minWeight, maxWeight)).ToArray();
        using var logProbs = tensor(p.Select(x => Math.Log(x)).ToArray(), ScalarType.Float64).view(1, 4);
        using var oldLogProbs = tensor(old.Select(x => Math.Log(x)).ToArray(), ScalarType.Float64).view(1, 4);
        using var entropies = tensor(h, ScalarType.Float64).view(1, 4);
        using var maskTensor = tensor(mask, ScalarType.Float64).view(1, 4);
        using var advantages = tensor(new[] { advantage });
        using var weights = EntropyChangeWeights.Compute(advantages, logProbs, oldLogProbs, entropies, maskTensor, minWeight, maxWeight);
        var actual = weights.data<double>().ToArray();
        var tolerance = FloatTolerance.Of(ScalarType.Float64, 32, 2);
        for (var t = 0; t < 4; t++) Assert.Equal(expected[t], actual[t], tolerance);
        Assert.Equal(maxWeight, actual[0], tolerance);   // the smallest |Ω| (token 0) is amplified most
        Assert.Equal(minWeight, actual.Take(3).Min(), tolerance);
    }
}
