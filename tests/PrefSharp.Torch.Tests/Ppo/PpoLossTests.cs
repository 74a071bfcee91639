using PrefSharp.Torch.Training.Ppo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>The clipped policy and value losses (Schulman et al. 2017, Eq. 7 and 9) against hand numbers.</summary>
public class PpoLossTests
{
    private static readonly double Tolerance = FloatTolerance.Of(ScalarType.Float32, 20, 4);

    [Fact]
    public void Clipped_policy_and_value_terms_match_hand_numbers()
    {
        // ρ = 1.5, 0.7, 1; Â = 1, −1, 2; ε = 0.2:
        //   t0: max(−1.5, −1.2) = −1.2 (clipped), t1: max(0.7, 0.8) = 0.8 (clipped), t2: −2 → policy Σ = −2.4, 2 clipped.
        // V = 0.5, 1, −0.3; V_old = 0.2, 1, 0; R = 1, 0, 0; ε_v = 0.2:
        //   t0: max(0.25, (0.4 − 1)² = 0.36) = 0.36 (clipped), t1: max(1, 1) = 1, t2: max(0.09, 0.04) = 0.09
        //   → value Σ = ½·1.45 = 0.725, 1 clipped. Total with c_v = 0.1: −2.4 + 0.0725 = −2.3275.
        // approx KL Σ = ½(ln²1.5 + ln²0.7) = 0.1458095.
        var old = zeros(1, 3);
        var logProbs = tensor(new float[,] { { MathF.Log(1.5f), MathF.Log(0.7f), 0 } }).requires_grad_(true);
        var advantages = tensor(new float[,] { { 1, -1, 2 } });
        var mask = ones(1, 3);
        var terms = PpoLoss.Compute(logProbs, old, advantages, mask, new PpoLossOptions(),
            tensor(new float[,] { { 0.5f, 1, -0.3f } }), tensor(new float[,] { { 0.2f, 1, 0 } }), tensor(new float[,] { { 1, 0, 0 } }));
        Assert.Equal(-2.4, terms.PolicySum.item<float>(), Tolerance);
        Assert.Equal(0.725, terms.ValueSum.item<float>(), Tolerance);
        Assert.Equal(-2.3275, terms.Sum.item<float>(), Tolerance);
        Assert.Equal(2, terms.PolicyClipped.item<float>());
        Assert.Equal(1, terms.ValueClipped.item<float>());
        Assert.Equal(0.1458095, terms.ApproxKlSum.item<float>(), 1e-6);

        terms.Sum.backward();                                             // clipped tokens pass no gradient; t2: −Â·ρ = −2
        Assert.Equal([0f, 0f, -2f], logProbs.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Unscored_tokens_add_nothing()
    {
        var logProbs = tensor(new float[,] { { 0.3f, 5 } });
        var terms = PpoLoss.Compute(logProbs, zeros(1, 2), tensor(new float[,] { { 1, 100 } }), tensor(new float[,] { { 1, 0 } }), new PpoLossOptions());
        Assert.Equal(-1.2, terms.PolicySum.item<float>(), Tolerance);     // e^0.3 = 1.35 clipped to 1.2; the masked token is ignored
        Assert.Equal(0, terms.ValueSum.item<float>());
    }
}
