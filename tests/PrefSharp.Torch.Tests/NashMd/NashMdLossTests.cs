using PrefSharp.Torch.Training.NashMd;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.NashMd;

public sealed class NashMdLossTests
{
    [Fact]
    public void Loss_and_gradient_on_hand_numbers()
    {
        // Row 0: P = 0.8, log π = −2, log π_ref = −3, τ = 0.1: weight 0.8 − 0.5 − 0.1·(−2 + 3) = 0.2, ℓ = −0.2·(−2) = 0.4.
        // Row 1: P = 0.25, log π = −1, log π_ref = −0.5: weight 0.25 − 0.5 − 0.1·(−0.5) = −0.2, ℓ = 0.2·(−1) = −0.2.
        // ∂ℓ/∂log π = −weight: (−0.2, 0.2), the sample that beat its opponent made more likely.
        using var policy = tensor(new[] { -2.0, -1.0 }).requires_grad_(true);
        using var reference = tensor(new[] { -3.0, -0.5 });
        using var preference = tensor(new[] { 0.8, 0.25 });
        using var sum = NashMdLoss.Sum(policy, reference, preference, tau: 0.1);
        Assert.Equal(0.2, sum.item<double>(), 12);
        sum.backward();
        Assert.Equal([-0.2, 0.2], policy.grad!.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_tie_with_the_opponent_and_the_reference_distribution_gives_no_gradient()
    {
        using var policy = tensor(new[] { -1.5 }).requires_grad_(true);
        using var sum = NashMdLoss.Sum(policy, tensor(new[] { -1.5 }), tensor(new[] { 0.5 }), tau: 0.3);
        sum.backward();
        Assert.Equal(0.0, policy.grad!.item<double>());
        Assert.Throws<ArgumentException>(() => NashMdLoss.Sum(policy, tensor(new[] { -1.5 }), tensor(new[] { 0.5 }), tau: -1));
    }
}
