using PrefSharp.Torch.Losses.Preference;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>Every loss type, tensor code against the plain-double oracle on a table of random pairs (with and without reference).</summary>
public sealed class PreferenceLossReferenceTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var type in Enum.GetValues<PreferenceLossType>())
            foreach (var referenceFree in new[] { false, true })
                yield return [type, referenceFree, "defaults"];
        yield return [PreferenceLossType.Sigmoid, false, "smoothed"];
        yield return [PreferenceLossType.Robust, false, "smoothed"];
        yield return [PreferenceLossType.Aot, false, "smoothed"];
        foreach (var kind in Enum.GetValues<FDivergenceKind>()) yield return [PreferenceLossType.FDivergence, false, kind.ToString()];
    }

    private static PreferenceLossOptions Options(string variant) => variant switch
    {
        "defaults" => new PreferenceLossOptions { Beta = 0.5 },
        "smoothed" => new PreferenceLossOptions { Beta = 0.5, LabelSmoothing = 0.2 },
        _ => new PreferenceLossOptions { Beta = 0.5, FDivergence = Enum.Parse<FDivergenceKind>(variant), FDivergenceAlpha = 0.7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tensor_loss_matches_the_plain_double_reference(PreferenceLossType type, bool referenceFree, string variant)
    {
        var options = Options(variant).Validate();
        var rows = LossInputsBuilder.RandomRows(7, seed: 11);
        var (inputs, _, _) = LossInputsBuilder.Build(rows, referenceFree: referenceFree);
        using var losses = PreferenceLoss.Compute(type, inputs, options);
        var expected = PlainDoublePreferenceLosses.Compute(type, referenceFree ? rows.Select(r => r.WithoutReference()).ToArray() : rows, options);
        var actual = losses.data<double>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5 * Math.Max(1, Math.Abs(expected[i])),
                $"{type} ({variant}, reference-free {referenceFree}) pair {i}: reference {expected[i]}, tensor {actual[i]}");
    }

    [Fact]
    public void Combined_losses_are_the_weighted_sum_times_the_pair_weights()
    {
        var options = new PreferenceLossOptions();
        var rows = LossInputsBuilder.RandomRows(5, seed: 3);
        var (inputs, _, _) = LossInputsBuilder.Build(rows);
        var pairWeights = new[] { 1.0, 0.5, 2.0, 0.0, 1.5 };
        inputs = inputs with { Weights = TorchSharp.torch.tensor(pairWeights) };
        using var combined = PreferenceLoss.Compute(WeightedLoss.Rpo(alpha: 0.3), inputs, options);
        var dpo = PlainDoublePreferenceLosses.Compute(PreferenceLossType.Sigmoid, rows, options);
        var sft = PlainDoublePreferenceLosses.Compute(PreferenceLossType.Sft, rows, options);
        var actual = combined.data<double>().ToArray();
        for (var i = 0; i < rows.Length; i++)
            Assert.Equal((dpo[i] + 0.3 * sft[i]) * pairWeights[i], actual[i], 9);
    }
}
