using PrefSharp.Torch.Losses.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards.Pluralistic;

/// <summary>PAL's ideal-point loss and MiCRo's mixture loss against hand-derived values.</summary>
public sealed class PluralisticLossTests
{
    [Fact]
    public void Ideal_point_loss_matches_a_hand_derivation()
    {
        using var scope = NewDisposeScope();
        // Prototypes p1 = (0, 0), p2 = (2, 0); f_c = (1, 0), f_r = (0, 2).
        // Row 0: w = (½, ½) → a = (1, 0): ‖f_c − a‖² = 0, ‖f_r − a‖² = 1 + 4 = 5 → logit 5, loss log(1 + e⁻⁵) = 0.006715348489118068.
        // Row 1: w = (1, 0) → a = (0, 0): ‖f_c‖² = 1, ‖f_r‖² = 4 → logit 3, loss log(1 + e⁻³) = 0.04858735157374206.
        var prototypes = tensor(new double[,] { { 0, 0 }, { 2, 0 } });
        var ideal = IdealPointRewardLoss.IdealPoints(tensor(new double[,] { { 0.5, 0.5 }, { 1, 0 } }), prototypes);
        var chosen = tensor(new double[,] { { 1, 0 }, { 1, 0 } });
        var rejected = tensor(new double[,] { { 0, 2 }, { 0, 2 } });
        Assert.Equal([5.0, 3.0], IdealPointRewardLoss.Logits(chosen, rejected, ideal).data<double>().ToArray());
        var losses = IdealPointRewardLoss.Compute(chosen, rejected, ideal).data<double>().ToArray();
        Assert.Equal(0.006715348489118068, losses[0], 14);
        Assert.Equal(0.04858735157374206, losses[1], 14);
        Assert.Equal([0.0, -1.0], IdealPointRewardLoss.Rewards(chosen, ideal).data<double>().ToArray());
    }

    [Fact]
    public void Mixture_loss_matches_a_hand_derivation()
    {
        using var scope = NewDisposeScope();
        // r_c = (2, 0), r_r = (0, 1), π = (½, ½): P = ½σ(2) + ½σ(−1) = 0.5748692496739387, ℓ = −log P = 0.553612655913649;
        // 1 − P = ½σ(−2) + ½σ(1), so the logit log P − log(1 − P) = 0.3017458536319334.
        var chosen = tensor(new double[,] { { 2, 0 } });
        var rejected = tensor(new double[,] { { 0, 1 } });
        var routing = tensor(new double[,] { { 0.7, 0.7 } });   // softmax is shift-invariant: π = (½, ½)
        Assert.Equal(0.553612655913649, MixtureRewardLoss.Compute(chosen, rejected, routing).item<double>(), 14);
        Assert.Equal(0.3017458536319334, MixtureRewardLoss.Logits(chosen, rejected, routing).item<double>(), 14);
    }

    [Fact]
    public void A_mixture_routed_to_one_head_is_that_heads_bradley_terry_loss()
    {
        using var scope = NewDisposeScope();
        var chosen = tensor(new double[,] { { 2, 0 }, { -1, 3 } });
        var rejected = tensor(new double[,] { { 0, 1 }, { 0.5, -2 } });
        var routing = tensor(new double[,] { { 200, -200 }, { -200, 200 } });   // π = e_1, then e_2 (to within e⁻⁴⁰⁰)
        var expected = BradleyTerryRewardLoss.Compute(tensor(new double[] { 2, 3 }), tensor(new double[] { 0, -2 })).data<double>().ToArray();
        var losses = MixtureRewardLoss.Compute(chosen, rejected, routing).data<double>().ToArray();
        Assert.Equal(expected[0], losses[0], 14);
        Assert.Equal(expected[1], losses[1], 14);
    }

    [Fact]
    public void Shapes_that_do_not_match_are_refused()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => MixtureRewardLoss.Compute(zeros(2, 3), zeros(2, 3), zeros(2, 2)));
        Assert.Throws<ArgumentException>(() => IdealPointRewardLoss.IdealPoints(zeros(2, 3), zeros(2, 4)));
    }
}
