using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>
/// TD-MNPO's loss (Wu et al. 2025, Sec. 3.2): a value worked by hand, and the closed form of its minimiser (Eq. 11):
/// for pairs y, y' ~ π_t labelled by P(y ≻ y'), the expected loss is stationary exactly at
/// log π(y) = ρ·log π_ref(y) + (1 − ρ)·Σ_j λ_j·log π_{t−j}(y) + P(y ≻ π_t)/η + const, and not elsewhere.
/// </summary>
public sealed class MnpoLossTests
{
    private static Tensor T(params double[] values) => tensor(values, ScalarType.Float64);

    [Fact]
    public void One_pair_matches_the_value_worked_by_hand()
    {
        // policy ratio −1 − (−2) = 1; reference ratio −1.5 − (−1) = −0.5, ρ = 0.2 → −0.1;
        // population ratios (−1 + 2, −3 + 2) = (1, −1) with λ = (0.75, 0.25) → 0.5, times 1 − ρ = 0.4;
        // h = 1 + 0.1 − 0.4 = 0.7; 1/(2η) with η = 0.25 is 2 → (0.7 − 2)² = 1.69.
        using var loss = MnpoLoss.Compute(T(-1), T(-2), T(-1.5), T(-1), T(-1, -3).view(1, 2), T(-2, -2).view(1, 2), T(0.75, 0.25), 0.2, 0.25);
        Assert.Equal(1.69, loss.item<double>(), FloatTolerance.Of(ScalarType.Float64, 12, 4));
    }

    /// <summary>Σ over ordered pairs (a, b) of π_t(a)·π_t(b)·P(a ≻ b)·L(chosen a, rejected b), the expected loss.</summary>
    private static Tensor ExpectedLoss(Tensor logits, double[] current, double[,] preference, Tensor reference, Tensor population, Tensor weights, double rho, double eta)
    {
        var k = current.Length;
        var pairs = (from a in Enumerable.Range(0, k) from b in Enumerable.Range(0, k) select (a, b)).ToArray();
        using var chosen = tensor(pairs.Select(p => (long)p.a).ToArray());
        using var rejected = tensor(pairs.Select(p => (long)p.b).ToArray());
        var logProbs = logits.log_softmax(0);
        var losses = MnpoLoss.Compute(logProbs.index_select(0, chosen), logProbs.index_select(0, rejected), reference.index_select(0, chosen),
            reference.index_select(0, rejected), population.index_select(1, chosen).t(), population.index_select(1, rejected).t(), weights, rho, eta);
        var mass = T([.. pairs.Select(p => current[p.a] * current[p.b] * preference[p.a, p.b])]);
        return (losses * mass).sum();
    }

    [Fact]
    public void The_expected_loss_is_stationary_at_the_multiplicative_weights_update_and_only_there()
    {
        double[,] preference = { { 0.5, 0.8, 0.3 }, { 0.2, 0.5, 0.6 }, { 0.7, 0.4, 0.5 } };   // a cycle: 0 ≻ 1 ≻ 2 ≻ 0
        double[] current = [0.5, 0.3, 0.2];
        double[][] past = [[0.5, 0.3, 0.2], [0.4, 0.4, 0.2]];
        double[] reference = [1 / 3.0, 1 / 3.0, 1 / 3.0];
        const double rho = 0.3, eta = 0.5;
        var closedForm = Enumerable.Range(0, 3).Select(y =>
            rho * Math.Log(reference[y]) + (1 - rho) * 0.5 * (Math.Log(past[0][y]) + Math.Log(past[1][y]))
            + Enumerable.Range(0, 3).Sum(o => preference[y, o] * current[o]) / eta).ToArray();
        using var referenceLog = T([.. reference.Select(r => Math.Log(r))]);
        using var population = tensor(past.SelectMany(p => p.Select(v => Math.Log(v))).ToArray(), ScalarType.Float64).view(2, 3);
        using var weights = T(0.5, 0.5);
        double GradientNorm(double[] at)
        {
            using var scope = NewDisposeScope();
            var logits = T(at).requires_grad_();
            ExpectedLoss(logits, current, preference, referenceLog, population, weights, rho, eta).backward();
            return logits.grad!.abs().max().item<double>();
        }
        Assert.Equal(0, GradientNorm(closedForm), FloatTolerance.Of(ScalarType.Float64, 64, 10));
        Assert.True(GradientNorm([closedForm[0] + 0.1, closedForm[1], closedForm[2]]) > 1e-3, "a moved point is stationary too");
    }
}
