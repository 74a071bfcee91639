using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class DiagnosticsTests
{
    [Fact]
    public void K3_is_zero_at_equality_and_matches_the_formula()
    {
        // d = ref − logp: d = 0 → 0; d = ln 2 → 2 − ln 2 − 1 = 0.30685; d = −ln 2 → 0.5 + ln 2 − 1 = 0.19315.
        using var k3 = KlEstimator.K3(tensor(new double[] { -1, -1, -1 }), tensor(new double[] { -1, -1 + Math.Log(2), -1 - Math.Log(2) }));
        var v = k3.data<double>().ToArray();
        Assert.Equal(0, v[0], 12);
        Assert.Equal(1 - Math.Log(2), v[1], 12);
        Assert.Equal(Math.Log(2) - 0.5, v[2], 12);
    }

    [Fact]
    public void Token_entropy_is_log_v_for_uniform_logits_and_chunking_changes_nothing()
    {
        // Uniform over 4 tokens: ln 4. One-hot-ish logits [0, −∞…] approximated by [50, 0, 0, 0]: ≈ 0.
        manual_seed(3);
        var logits = randn(2, 5, 4, ScalarType.Float64);
        logits[0, 0] = zeros(4, ScalarType.Float64);
        logits[0, 1] = tensor(new double[] { 50, 0, 0, 0 });
        var mask = ones(2, 5, ScalarType.Int64);
        mask[1, 4] = tensor(0L);
        var entropy = TokenEntropy.Compute(logits, mask);
        Assert.Equal(Math.Log(4), entropy[0, 0].item<double>(), 12);
        Assert.True(entropy[0, 1].item<double>() < 1e-18);
        Assert.Equal(0, entropy[1, 4].item<double>());
        var direct = -(logits.softmax(-1) * logits.log_softmax(-1)).sum(-1) * mask;
        Models.TensorAssert.Close(direct, entropy, 1e-12, "entropy");
        Models.TensorAssert.Close(entropy, TokenEntropy.Compute(logits, mask, maxChunkElements: 8), 1e-15, "chunked");
    }

    [Fact]
    public void Distinct_n_counts_unique_ngrams_over_all_samples()
    {
        // "a b a b" and "a b c": unigrams a b a b a b c → 3 distinct of 7; bigrams ab ba ab ab bc → 3 distinct of 5.
        string[] texts = ["a b a b", "a b c"];
        Assert.Equal(3.0 / 7, DistinctN.Compute(texts, 1), 12);
        Assert.Equal(3.0 / 5, DistinctN.Compute(texts, 2), 12);
        IReadOnlyList<int>[] ids = [[1, 2, 1, 2], [1, 2, 3]];
        Assert.Equal(3.0 / 5, DistinctN.Compute(ids, 2), 12);
    }

    [Fact]
    public void Self_bleu_golden_cases()
    {
        // Identical samples: BLEU 1 each.
        Assert.Equal(1.0, SelfBleu.Compute(["a b c d", "a b c d"]), 12);
        // "a b c d e" vs "a b c d f": p = 4/5, 3/4, 2/3, 1/2, equal lengths → (0.2)^(1/4) = 0.66874; symmetric.
        Assert.Equal(Math.Pow(0.2, 0.25), SelfBleu.Compute(["a b c d e", "a b c d f"]), 12);
        // "a b c d e" vs "a b x d e": p1 = 4/5, p2 = 2/4 (ab, de), p3 = 0 → 0.1/3, p4 = 0 → 0.1/2 (smoothing method 1):
        // (0.8 · 0.5 · 0.1/3 · 0.05)^(1/4) = (6.667e-4)^(1/4) = 0.160685.
        Assert.Equal(Math.Pow(0.8 * 0.5 * (0.1 / 3) * 0.05, 0.25), SelfBleu.Compute(["a b c d e", "a b x d e"]), 12);
        // Brevity: hypothesis "a b c d" (4) against "a b c d e f" (6): precisions 1, BP = exp(1 − 6/4) = e^−0.5.
        Assert.Equal(Math.Exp(-0.5), SelfBleu.Bleu(["a", "b", "c", "d"], [["a", "b", "c", "d", "e", "f"]]), 12);
    }

    [Fact]
    public void Zero_spread_fraction_and_illusory_advantage()
    {
        // Groups of 3: [1, 1, 1] (zero spread), [0.500, 0.501, 0.502] (raw std 0.001), [0, 0.5, 1] (std 0.5).
        using var rewards = tensor(new double[] { 1, 1, 1, 0.500, 0.501, 0.502, 0, 0.5, 1 });
        Assert.Equal(1.0 / 3, GroupSpread.ZeroSpreadFraction(rewards, 3), 12);
        // Unbiased stds 0, 0.001 and √((0.25 + 0 + 0.25)/2) = 0.5: mean 0.501/3 = 0.167.
        Assert.Equal(0.501 / 3, GroupSpread.MeanGroupStd(rewards, 3), 12);
        // GRPO advantages of the tiny group: ±0.001/(0.001 + 1e-4) = ±0.90909 → their std 0.90909: a 0.001 difference
        // looks like a full-size signal. Only that group counts as tiny (≤ 0.01).
        using var advantages = GroupAdvantages.Compute(rewards, 3);
        var illusory = GroupSpread.Illusory(rewards, advantages, 3);
        Assert.Equal(1.0 / 3, illusory.TinySpreadFraction, 12);
        Assert.Equal(0.001 / 0.0011, illusory.MeanAdvantageSpread, 6);
        // Dr. GRPO's unscaled advantages keep the spread at the raw 0.001.
        using var unscaled = GroupAdvantages.Compute(rewards, 3, AdvantageScaling.None);
        Assert.Equal(0.001, GroupSpread.Illusory(rewards, unscaled, 3).MeanAdvantageSpread, 9);
    }
}
