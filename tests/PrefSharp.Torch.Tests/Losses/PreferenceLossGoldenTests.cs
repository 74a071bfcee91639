using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>
/// Hand-computed values of every loss at one pair, β = 0.1 unless said. The pair:
/// chosen tokens log πθ = [−2, −3, −1, −4] (sum −10), log π_ref = [−3, −3, −3, −3] (sum −12): lr_w = 2, |y_w| = 4;
/// rejected tokens log πθ = [−3 ×5] (sum −15), log π_ref = [−2, −3, −3, −3, −2] (sum −13): lr_l = −2, |y_l| = 5.
/// h = lr_w − lr_l = 4, β·h = 0.4; σ(0.4) = 0.598688, log σ(0.4) = −0.513015, log σ(−0.4) = −0.913015.
/// Per-token: lr_w/4 = 0.5, lr_l/5 = −0.4. Soft label p = 0.8, reward margin δ = 2.
/// </summary>
public sealed class PreferenceLossGoldenTests
{
    private static readonly PairRow Pair = new(
        [-2, -3, -1, -4], [-3, -3, -3, -3], [-3, -3, -3, -3, -3], [-2, -3, -3, -3, -2],
        ChosenWeights: [0.5, 1, 1, 0], RejectedWeights: [1, 1, 1, 1, 1], SoftLabel: 0.8, RewardMargin: 2);

    public static IEnumerable<object[]> Golden() =>
    [
        // −log σ(0.4) = log(1 + e^−0.4) = log(1.670320) = 0.513015
        [PreferenceLossType.Sigmoid, 0.0, 0.5130152524],
        // cDPO ε = 0.1: 0.9·0.513015 + 0.1·0.913015 = 0.461714 + 0.091302 = 0.553015
        [PreferenceLossType.Sigmoid, 0.1, 0.5530152524],
        // rDPO ε = 0.1: (0.9·0.513015 − 0.1·0.913015)/0.8 = (0.461714 − 0.091302)/0.8 = 0.463015
        [PreferenceLossType.Robust, 0.1, 0.4630152524],
        // hinge: max(0, 1 − 0.4) = 0.6
        [PreferenceLossType.Hinge, 0.0, 0.6],
        // IPO: h̄ = 0.5 − (−0.4) = 0.9; 1/(2τ) = 5; (0.9 − 5)² = 16.81
        [PreferenceLossType.Ipo, 0.0, 16.81],
        // EXO ε = 1e-3: 0.598688·(−0.513015 + 0.001001) + 0.401312·(−0.913015 + 6.907755) = −0.306536 + 2.405762 = 2.099226
        [PreferenceLossType.ExoPair, 0.0, 2.0992262332],
        // NCA: r_w = 0.2, r_l = −0.2: −log σ(0.2) − ½ log σ(−0.2) − ½ log σ(0.2) = 0.598139 + 0.399069 + 0.299069 = 1.296278
        [PreferenceLossType.NcaPair, 0.0, 1.2962777388],
        // BCO: δ = mean(0.2, −0.2) = 0: −log σ(0.2) − log σ(0.2) = 2·0.598139 = 1.196278
        [PreferenceLossType.BcoPair, 0.0, 1.1962777388],
        // SPPO: (2 − 5)² + (−2 + 5)² = 9 + 9 = 18
        [PreferenceLossType.SppoHard, 0.0, 18.0],
        // AOT with one pair: policy margin −10 − (−15) = 5, reference margin −12 − (−13) = 1, δ = 4: −log σ(0.4)
        [PreferenceLossType.Aot, 0.0, 0.5130152524],
        // AOT unpaired with one pair: 2 − (−2) = 4: −log σ(0.4)
        [PreferenceLossType.AotUnpaired, 0.0, 0.5130152524],
        // APO-zero: 1 − σ(0.2) + σ(−0.2) = 1 − 0.549834 + 0.450166 = 0.900332
        [PreferenceLossType.ApoZero, 0.0, 0.9003320054],
        // APO-down: σ(0.2) + 1 − σ(0.4) = 0.549834 + 1 − 0.598688 = 0.951146
        [PreferenceLossType.ApoDown, 0.0, 0.9511463372],
        // VPO α = 0.1: the value term −α·β·½(lr_w + lr_l) = −0.01·0 vanishes at this pair (lr_w = −lr_l): −log σ(0.4)
        [PreferenceLossType.Vpo, 0.0, 0.5130152524],
        // DiscoPOP τ = 0.05: m = σ(8) = 0.999665; 0.513015·0.000335 + 0.999665·e^−0.4 (0.670320) = 0.000172 + 0.670096 = 0.670267
        [PreferenceLossType.DiscoPop, 0.0, 0.6702672939],
        // SFT: −(−10)/4 = 2.5
        [PreferenceLossType.Sft, 0.0, 2.5],
        // sigmoid_norm: −log σ(0.1·0.9) = log(1 + e^−0.09) = 0.649159
        [PreferenceLossType.SigmoidNorm, 0.0, 0.6491593390],
        // SimPO γ = 0.5: 0.1·(−10/4 − (−15/5)) − 0.5 = 0.05 − 0.5 = −0.45; −log σ(−0.45) = 0.943249
        [PreferenceLossType.SimPo, 0.0, 0.9432489460],
        // ORPO: ℓ_w = −2.5, ℓ_l = −3; log odds = ℓ − log(1 − e^ℓ): −2.5 + 0.085651 = −2.414350, −3 + 0.051069 = −2.948931;
        //   2.5 − 0.1·log σ(0.534581) = 2.5 + 0.1·0.461161 = 2.546116
        [PreferenceLossType.Orpo, 0.0, 2.5461161250],
        // CPO: −log σ(0.1·(−10 + 15)) + 2.5 = −log σ(0.5) + 2.5 = 0.474077 + 2.5 = 2.974077
        [PreferenceLossType.Cpo, 0.0, 2.9740769842],
        // CPL λ = 0.5: −log σ(0.1·(−10) − 0.5·0.1·(−15)) = −log σ(−0.25) = log(1 + e^0.25) = 0.825939
        [PreferenceLossType.Cpl, 0.0, 0.8259394199],
        // LD-DPO α = 0.5: l_p = 4; chosen token ratios [1, 0, 2, −1] → 2; rejected [−1, 0, 0, 0 | −1] → −1 + 0.5·(−1) = −1.5;
        //   h̃ = 3.5, −log σ(0.35) = 0.533382
        [PreferenceLossType.LdDpo, 0.0, 0.5333821554],
        // NPO on the rejected: −(2/0.1)·log σ(0.2) = 20·0.598139 = 11.962777
        [PreferenceLossType.Npo, 0.0, 11.962777388],
        // MaPO: 2.5 − 0.1·log σ(0.1·0.534581) = 2.5 + 0.1·0.666677 = 2.566678
        [PreferenceLossType.MaPo, 0.0, 2.5666775294],
        // iREPO p = 0.8: (0.4 − log 4)² = (0.4 − 1.386294)² = 0.972777
        [PreferenceLossType.Irepo, 0.0, 0.9727765668],
        // soft label p = 0.8: 0.8·0.513015 + 0.2·0.913015 = 0.410412 + 0.182603 = 0.593015
        [PreferenceLossType.SoftLabel, 0.0, 0.5930152524],
        // KTO pair: z for chosen = max(0, lr_l = −2) = 0, for rejected = max(0, lr_w = 2) = 2;
        //   (1 − σ(0.1·2)) + (1 − σ(0.1·(2 + 2))) = 0.450166 + 0.401312 = 0.851478
        [PreferenceLossType.KtoPair, 0.0, 0.8514783426],
        // token-weighted: chosen [1, 0, 2, −1]·[0.5, 1, 1, 0] = 2.5; rejected [−1, 0, 0, 0, −1]·1 = −2; −log σ(0.45) = 0.493249
        [PreferenceLossType.TokenWeighted, 0.0, 0.4932489460],
        // MM-DPO w = k = 0.5, δ = 2: β_i = 0.1·(1 + 0.5·(1 − e^−1)) = 0.131606; −log σ(0.131606·4) = 0.464183
        [PreferenceLossType.DynamicBeta, 0.0, 0.4641826722],
    ];

    [Theory]
    [MemberData(nameof(Golden))]
    public void Loss_equals_the_hand_computed_value(PreferenceLossType type, double labelSmoothing, double expected)
    {
        var (inputs, _, _) = LossInputsBuilder.Build([Pair]);
        using var loss = PreferenceLoss.Compute(type, inputs, new PreferenceLossOptions { LabelSmoothing = labelSmoothing });
        Assert.Equal(expected, loss.item<double>(), 6);
    }

    [Theory]
    // forward KL: β·(e^{−lr_l} − e^{−lr_w}) = 0.1·(e² − e^−2) = 0.1·(7.389056 − 0.135335) = 0.725372; −log σ(·) = 0.394838
    [InlineData(FDivergenceKind.ForwardKl, 1.0, 0.3948384407)]
    // JS: 4 − (softplus(2) − softplus(−2)) = 4 − (2.126928 − 0.126928) = 2; −log σ(0.2) = 0.598139
    [InlineData(FDivergenceKind.JensenShannon, 1.0, 0.5981388694)]
    // α = 0.5: (e^{1} − e^{−1})/0.5 = 4.700805; −log σ(0.470080) = 0.485478
    [InlineData(FDivergenceKind.Alpha, 0.5, 0.4854782595)]
    // reverse KL is DPO
    [InlineData(FDivergenceKind.ReverseKl, 1.0, 0.5130152524)]
    public void F_divergence_equals_the_hand_computed_value(FDivergenceKind kind, double alpha, double expected)
    {
        var (inputs, _, _) = LossInputsBuilder.Build([Pair]);
        var options = new PreferenceLossOptions { FDivergence = kind, FDivergenceAlpha = alpha };
        using var loss = PreferenceLoss.Compute(PreferenceLossType.FDivergence, inputs, options);
        Assert.Equal(expected, loss.item<double>(), 6);
    }

    [Theory]
    // lr_w = 1, lr_l = −0.5, β = 0.5: −log σ(0.75) = log(1 + e^−0.75) = 0.386871; value term α·β·½(lr_w + lr_l) = α·0.5·0.25 = α·0.125.
    // α = 0.2 (pessimism): 0.386871 − 0.025 = 0.361871, ∂L/∂lr_w = −β·σ(−0.75) − α·β/2 = −0.5·0.320821 − 0.05 = −0.210411.
    // α = −0.2 (optimism): 0.386871 + 0.025 = 0.411871, ∂L/∂lr_w = −0.160411 + 0.05 = −0.110411.
    [InlineData(0.2, 0.3618710061, -0.2104106504)]
    [InlineData(-0.2, 0.4118710061, -0.1104106504)]
    [InlineData(0.0, 0.3868710061, -0.1604106504)]
    public void Vpo_value_term_has_the_sign_of_pessimism_or_optimism(double alpha, double expected, double chosenGradient)
    {
        using var chosen = tensor(new[] { 1.0 }).requires_grad_(true);
        using var rejected = tensor(new[] { -0.5 });
        using var loss = VpoLoss.Compute(chosen, rejected, beta: 0.5, alpha);
        Assert.Equal(expected, loss.item<double>(), 9);
        loss.sum().backward();
        Assert.Equal(chosenGradient, chosen.grad!.item<double>(), 9);
    }

    [Fact]
    public void Unpaired_kto_and_apo_equal_the_hand_computed_values()
    {
        using var ratios = tensor(new[] { 2.0, -2.0 });
        using var desirable = tensor(new[] { true, false });
        using var z0 = tensor(0.5);
        // desirable: 1 − σ(0.1·(2 − 0.5)) = 1 − σ(0.15) = 0.462570; undesirable: 1 − σ(0.1·(0.5 + 2)) = 1 − σ(0.25) = 0.437823
        using var kto = KtoLoss.Unpaired(ratios, desirable, z0, 0.1, 1.0, 1.0);
        Assert.Equal(0.4625701547, kto[0].item<double>(), 8);
        Assert.Equal(0.4378234991, kto[1].item<double>(), 8);
        // APO-zero unpaired: desirable 1 − σ(0.2) = 0.450166; undesirable σ(−0.2) = 0.450166
        using var apo = ApoZeroUnpairedLoss.Compute(ratios, desirable, 0.1);
        Assert.Equal(0.4501660027, apo[0].item<double>(), 8);
        Assert.Equal(0.4501660027, apo[1].item<double>(), 8);
    }
}
