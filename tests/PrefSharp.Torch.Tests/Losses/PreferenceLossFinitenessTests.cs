using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>Every loss, in float32, stays finite in value and gradient for log-ratios of ±1e4 (a loss that ignores one side leaves its gradient null, i.e. zero).</summary>
public sealed class PreferenceLossFinitenessTests
{
    public static IEnumerable<object[]> Types() =>
        Enum.GetValues<PreferenceLossType>().Select(t => new object[] { t });

    /// <summary>Pairs whose log-ratios reach +1e4 and −1e4 on either side (two tokens of ±5000).</summary>
    private static PairRow[] Extreme() =>
    [
        new([-0.5, -0.5], [-5000.5, -5000.5], [-5000.5, -5000.5], [-0.5, -0.5], [1, 1], [1, 1], 1.0, 1e4),
        new([-5000.5, -5000.5], [-0.5, -0.5], [-0.5, -0.5], [-5000.5, -5000.5], [1, 1], [1, 1], 0.0, -1e4),
        new([-0.5, -0.5], [-5000.5, -5000.5], [-0.5, -0.5], [-5000.5, -5000.5], [1, 0], [0, 1], 0.5, 0),
    ];

    [Theory]
    [MemberData(nameof(Types))]
    public void Loss_and_gradient_are_finite_at_log_ratios_of_1e4(PreferenceLossType type)
    {
        foreach (var kind in type == PreferenceLossType.FDivergence ? Enum.GetValues<FDivergenceKind>() : [FDivergenceKind.ReverseKl])
            foreach (var referenceFree in new[] { false, true })
            {
                using var scope = NewDisposeScope();
                var (inputs, chosenLeaf, rejectedLeaf) = LossInputsBuilder.Build(Extreme(), ScalarType.Float32, requiresGrad: true, referenceFree);
                var options = new PreferenceLossOptions { FDivergence = kind, LabelSmoothing = 0.1, FDivergenceAlpha = 0.5 };
                var loss = PreferenceLoss.Compute(type, inputs, options).sum();
                loss.backward();
                var what = $"{type} ({kind}, reference-free {referenceFree})";
                Assert.True(double.IsFinite(loss.item<float>()), $"{what}: loss {loss.item<float>()}");
                Assert.True(chosenLeaf.grad is null || chosenLeaf.grad.isfinite().all().item<bool>(), $"{what}: chosen gradient not finite");
                Assert.True(rejectedLeaf.grad is null || rejectedLeaf.grad.isfinite().all().item<bool>(), $"{what}: rejected gradient not finite");
            }
    }
}
