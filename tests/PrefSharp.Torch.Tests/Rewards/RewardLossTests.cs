using PrefSharp.Torch.Losses.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Scalar reward losses: golden values by hand, a plain-double oracle, and finiteness at huge gaps.</summary>
public sealed class RewardLossTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    private static Tensor T(params double[] values) => tensor(values, dtype: ScalarType.Float64);

    [Fact]
    public void Golden_values()
    {
        using var scope = NewDisposeScope();
        // BT: Δ = 0 → log 2 = 0.693147; Δ = 1 → log(1 + e^−1) = 0.313262.
        Assert.Equal([0.693147, 0.313262], Values(BradleyTerryRewardLoss.Compute(T(0, 1), T(0, 0))).Select(v => Math.Round(v, 6)));
        // Margin 1 on Δ = 1: −log σ(0) = log 2.
        Assert.Equal(0.693147, Values(MarginRewardLoss.Compute(T(1), T(0), T(1)))[0], 6);
        // Centre: η (1 + 2)² = 0.01 · 9 = 0.09.
        Assert.Equal(0.09, Values(CenterRewardsLoss.Compute(T(1), T(2)))[0], 12);
        // Soft label p = ½ at Δ = 2: ½ (softplus(−2) + softplus(2)) = ½ (0.126928 + 2.126928) = 1.126928.
        Assert.Equal(1.126928, Values(SoftLabelRewardLoss.Compute(T(2), T(0), T(0.5)))[0], 6);
        // Label smoothing ε = 0.1 at Δ = 0: 0.9 log 2 + 0.1 log 2 = log 2.
        Assert.Equal(0.693147, Values(SoftLabelRewardLoss.LabelSmoothing(T(0), T(0)))[0], 6);
        // De-biased ε = ¼ at Δ = 1: (¾·0.313262 − ¼·1.313262) / ½ = (0.234946 − 0.328316) / ½ = −0.186738.
        Assert.Equal(-0.186738, Values(DebiasedRewardLoss.Compute(T(1), T(0), 0.25))[0], 6);
        // Flip-aware ε = 0.2 at Δ = ln 3 (σ = ¾): −log(0.8·¾ + 0.2·¼) = −log 0.65 = 0.430783; at Δ = −ln 3:
        // −log(0.8·¼ + 0.2·¾) = −log 0.35 = 1.049822; at Δ = −50 it is capped near −log ε = 1.609438.
        Assert.Equal([0.430783, 1.049822, 1.609438],
            Values(FlipAwareRewardLoss.Compute(T(Math.Log(3), -Math.Log(3), -50), T(0, 0, 0), 0.2)).Select(v => Math.Round(v, 6)));
        // Rao–Kupper θ = 1.5 at Δ = 0: P(win) = 1/2.5 = 0.4 → 0.916291; P(tie) = 1.25·0.4² = 0.2 → 1.609438.
        var tie = tensor(new[] { false, true });
        Assert.Equal([0.916291, 1.609438],
            Values(RaoKupperRewardLoss.Compute(T(0, 0), T(0, 0), tie, RaoKupperRewardLoss.DefaultThreshold)).Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Tensor_losses_match_the_plain_double_oracle()
    {
        using var scope = NewDisposeScope();
        var random = new Random(4);
        var c = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 12 - 6).ToArray();
        var r = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 12 - 6).ToArray();
        var m = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 3).ToArray();
        var p = Enumerable.Range(0, 40).Select(_ => random.NextDouble()).ToArray();
        var ties = Enumerable.Range(0, 40).Select(i => i % 3 == 0).ToArray();
        var (tc, tr) = (T(c), T(r));
        void Check(Tensor actual, Func<int, double> expected)
        {
            var values = Values(actual);
            for (var i = 0; i < c.Length; i++) Assert.Equal(expected(i), values[i], 9);
        }
        Check(BradleyTerryRewardLoss.Compute(tc, tr), i => PlainRewardLosses.BradleyTerry(c[i], r[i]));
        Check(MarginRewardLoss.Compute(tc, tr, T(m)), i => PlainRewardLosses.Margin(c[i], r[i], m[i]));
        Check(CenterRewardsLoss.Compute(tc, tr, 0.05), i => PlainRewardLosses.Center(c[i], r[i], 0.05));
        Check(SoftLabelRewardLoss.Compute(tc, tr, T(p)), i => PlainRewardLosses.SoftLabel(c[i], r[i], p[i]));
        Check(DebiasedRewardLoss.Compute(tc, tr, 0.3), i => PlainRewardLosses.Debiased(c[i], r[i], 0.3));
        Check(FlipAwareRewardLoss.Compute(tc, tr, 0.3), i => PlainRewardLosses.FlipAware(c[i], r[i], 0.3));
        Check(FlipAwareRewardLoss.Compute(tc, tr, 0), i => PlainRewardLosses.BradleyTerry(c[i], r[i]));
        Check(RaoKupperRewardLoss.Compute(tc, tr, tensor(ties), 0.7), i => PlainRewardLosses.RaoKupper(c[i], r[i], ties[i], 0.7));
    }

    [Fact]
    public void Losses_and_gradients_stay_finite_at_gaps_of_ten_thousand()
    {
        using var scope = NewDisposeScope();
        var chosen = tensor(new float[] { 1e4f, -1e4f, 0f }, requires_grad: true);
        var rejected = tensor(new float[] { -1e4f, 1e4f, 0f }, requires_grad: true);
        var tie = tensor(new[] { true, true, false });
        var losses = new[]
        {
            BradleyTerryRewardLoss.Compute(chosen, rejected),
            MarginRewardLoss.Compute(chosen, rejected, tensor(2f)),
            SoftLabelRewardLoss.Compute(chosen, rejected, tensor(new float[] { 0.7f, 0.7f, 0.7f })),
            DebiasedRewardLoss.Compute(chosen, rejected, 0.2),
            FlipAwareRewardLoss.Compute(chosen, rejected, 0.2),
            RaoKupperRewardLoss.Compute(chosen, rejected, tie, 0.5),
            PlackettLuceRewardLoss.Compute(stack([chosen, rejected], 1)),
            ListNetRewardLoss.Compute(stack([chosen, rejected], 1), stack([chosen, rejected], 1)),
        };
        foreach (var loss in losses)
        {
            Assert.True(loss.isfinite().all().item<bool>(), $"loss not finite: {string.Join(", ", Values(loss))}");
            var (gc, gr) = (autograd.grad([loss.sum()], [chosen, rejected]) is var g ? (g[0], g[1]) : default);
            Assert.True(gc.isfinite().all().item<bool>() && gr.isfinite().all().item<bool>(), "gradient not finite");
        }
        // The confident-correct pair costs ~0; the confident-wrong pair costs ~ the gap, 2·10⁴.
        var bt = Values(losses[0]);
        Assert.Equal(0.0, bt[0], 6);
        Assert.Equal(2e4, bt[1], 0);
    }

    [Fact]
    public void Bad_hyper_parameters_name_themselves()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("flipRate", Assert.Throws<ArgumentException>(() => DebiasedRewardLoss.Compute(T(1), T(0), 0.5)).ParamName);
        Assert.Equal("flipRate", Assert.Throws<ArgumentException>(() => FlipAwareRewardLoss.Compute(T(1), T(0), -0.1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentException>(() => SoftLabelRewardLoss.LabelSmoothing(T(1), T(0), 0.6)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentException>(() => RaoKupperRewardLoss.Compute(T(1), T(0), tensor(new[] { true }), 0)).ParamName);
        Assert.Throws<ArgumentException>(() => BradleyTerryRewardLoss.Compute(T(1, 2), T(0)));
    }

    [Fact]
    public void Flip_aware_recovers_the_clean_gap_that_Bradley_Terry_shrinks()
    {
        // A pair whose observed label says "chosen" 65 % of the time, with flip rate ε = 0.2: the population loss
        // q·ℓ(Δ) + (1 − q)·ℓ(−Δ) is minimised where (1 − ε)σ(Δ) + εσ(−Δ) = q, i.e. σ(Δ*) = (0.65 − 0.2)/0.6 = ¾,
        // Δ* = ln 3 = 1.098612 (the clean gap); Bradley–Terry's minimiser is logit 0.65 = 0.619039.
        using var scope = NewDisposeScope();
        double Minimise(Func<Tensor, Tensor> loss)
        {
            var gap = zeros(1, dtype: ScalarType.Float64, requires_grad: true);
            for (var step = 0; step < 2000; step++)
            {
                using var inner = NewDisposeScope();
                var population = loss(gap) * 0.65 + loss(-gap) * 0.35;
                var gradient = autograd.grad([population.sum()], [gap])[0];
                using (no_grad()) gap.sub_(gradient * 2.0);
            }
            return gap.item<double>();
        }
        Assert.Equal(Math.Log(3), Minimise(g => FlipAwareRewardLoss.Compute(g, zeros_like(g), 0.2)), 4);
        Assert.Equal(Math.Log(0.65 / 0.35), Minimise(g => BradleyTerryRewardLoss.Compute(g, zeros_like(g))), 4);
    }
}
