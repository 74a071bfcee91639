using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Dpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

public sealed class ReferenceTests
{
    [Fact]
    public void The_cache_round_trips_finds_pairs_in_any_order_and_refuses_a_stale_file()
    {
        using var model = TinyConfigs.Create("llama", seed: 5);
        var live = new FrozenReference(model);
        using var batch = DpoTestData.Pairs(4, seed: 6);
        var fingerprint = ReferenceLogProbCache.FingerprintOf("dataset-hash-1", model);
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-refcache-{Guid.NewGuid():N}.bin");
        try
        {
            ReferenceLogProbCache.Build(live, [batch], fingerprint).Save(path);
            var cache = ReferenceLogProbCache.Load(path, fingerprint);
            Assert.Equal(4, cache.Count);
            var (liveChosen, liveRejected) = live.Compute(batch);
            var (cachedChosen, cachedRejected) = cache.Compute(batch);
            TensorAssert.Close(liveChosen, cachedChosen, 1e-6, "chosen");
            TensorAssert.Close(liveRejected, cachedRejected, 1e-6, "rejected");
            using var reversed = DpoTestData.Reversed(batch);
            TensorAssert.Close(liveChosen.flip(0), cache.Compute(reversed).Chosen, 1e-6, "reversed chosen");
            // another dataset, or the same dataset with another model, gives another fingerprint: refused
            Assert.Throws<InvalidDataException>(() => ReferenceLogProbCache.Load(path, ReferenceLogProbCache.FingerprintOf("dataset-hash-2", model)));
            using var other = TinyConfigs.Create("llama", seed: 6);
            Assert.Throws<InvalidDataException>(() => ReferenceLogProbCache.Load(path, ReferenceLogProbCache.FingerprintOf("dataset-hash-1", other)));
            using var unseen = DpoTestData.Pairs(2, seed: 99);
            Assert.Throws<KeyNotFoundException>(() => cache.Compute(unseen));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tr_dpo_soft_sync_mixes_parameters_and_hard_sync_copies_them()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 1);
        using var reference = TinyConfigs.Create("gpt2", seed: 2);
        var name = policy.Module.named_parameters().First().name;
        Tensor Of(PrefSharp.Torch.Models.ICausalLM m) => m.Module.named_parameters().First(p => p.name == name).parameter.detach().clone();
        using var before = Of(reference);
        using var target = Of(policy);
        Assert.False(ReferenceSync.Apply(policy, reference, step: 3, syncSteps: 4, alpha: 0.6));   // not a sync step
        TensorAssert.Close(before, Of(reference), 1e-12, "untouched");
        Assert.True(ReferenceSync.Apply(policy, reference, step: 4, syncSteps: 4, alpha: 0.6));
        TensorAssert.Close(0.6 * target + 0.4 * before, Of(reference), 1e-6, "soft: 0.6·θ + 0.4·θ_ref");
        ReferenceSync.Hard(policy, reference);
        TensorAssert.Close(target, Of(reference), 1e-7, "hard: θ_ref = θ");
    }

    [Fact]
    public void Gradient_entanglement_of_identical_responses_is_one_per_pair()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 8);
        using var batch = DpoTestData.Pairs(3, seed: 4);
        using var same = new PrefSharp.Torch.Batches.PairBatch(batch.Chosen.To(CPU), batch.Chosen.To(CPU));
        // g_w = g_l up to the float32 rounding of two batch rows: cosine 1 and ⟨g_w, g_l⟩ = ‖g_w‖², each within the
        // rounding of a backward pass (twice the forward chain of 8 tokens) relative to ‖g‖²
        var chain = 2 * FloatTolerance.DecoderOperations(policy.Config, 8);
        Assert.All(GradientEntanglement.PerPair(policy, same), p =>
        {
            Assert.Equal(1.0, p.Cosine, FloatTolerance.Of(ScalarType.Float32, chain, 1));
            Assert.Equal(p.ChosenNormSquared, p.Inner, FloatTolerance.Of(ScalarType.Float32, chain, p.ChosenNormSquared));
        });
        var different = GradientEntanglement.PerPair(policy, batch);
        Assert.Equal(3, different.Count);
        Assert.All(different, p => Assert.InRange(p.Cosine, -1.0, 0.999));
        Assert.All(policy.Module.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Pair_entanglement_conditions_follow_the_first_order_changes()
    {
        // ⟨g_w, g_l⟩ = 3, ‖g_w‖² = 2, ‖g_l‖² = 9: the chosen log-prob falls (3 > 2), the rejected one does not rise (3 < 9); cos = 3/√18
        var pair = new PairEntanglement(3, 2, 9);
        Assert.True(pair.ChosenFalls);
        Assert.False(pair.RejectedRises);
        Assert.Equal(3 / Math.Sqrt(18), pair.Cosine, 12);
        Assert.Equal(0.0, new PairEntanglement(0, 0, 4).Cosine);
    }

    [Fact]
    public void Reference_free_metrics_leave_out_displacement_and_reference_ranking()
    {
        using var metricsScope = NewDisposeScope();
        var sums = DpoMetrics.Sums(tensor(new[] { -3.0, -6 }), tensor(new[] { -5.0, -6 }), null, null, tensor(new[] { 1.0, 2 }), 0.5);
        Assert.False(sums.ContainsKey("displacement/chosen"));
        Assert.False(sums.ContainsKey("ranking/reference"));
        Assert.Equal(1.5, sums["ranking/accuracy"]);                 // right + tie
        Assert.Equal(-4.5, sums["rewards/chosen"], 12);              // β·log πθ
    }

    [Fact]
    public void Metrics_sums_match_hand_values()
    {
        // chosen drift [1, −2], rejected drift [−1, 0], β = 0.5: rewards/chosen = 0.5 − 1 = −0.5, rejected = −0.5,
        // margins = (0.5 + 0.5) + (−1 − 0) = 0, accuracies = 1 (pair 0 only), displacement = −1, one pair down
        using var metricsScope = NewDisposeScope();
        var sums = DpoMetrics.Sums(tensor(new[] { -3.0, -6 }), tensor(new[] { -5.0, -4 }), tensor(new[] { -4.0, -4 }), tensor(new[] { -4.0, -4 }),
            tensor(new[] { 1.0, 2 }), 0.5);
        Assert.Equal(-0.5, sums["rewards/chosen"], 12);
        Assert.Equal(-0.5, sums["rewards/rejected"], 12);
        Assert.Equal(0.0, sums["rewards/margins"], 12);
        Assert.Equal(1.0, sums["rewards/accuracies"]);
        Assert.Equal(-1.0, sums["displacement/chosen"], 12);
        Assert.Equal(1.0, sums["displacement/chosen_down"]);
        Assert.Equal(3.0, sums["entropy"], 12);
        // policy ranks pair 0 right (−3 > −5), pair 1 wrong (−6 < −4); the reference ties both (½ each)
        Assert.Equal(1.0, sums["ranking/accuracy"]);
        Assert.Equal(1.0, sums["ranking/reference"]);
        // uniform logits over V = 64: entropy log 64 = 4.158883 at every scored position. float32 chain per position: the
        // log-softmax (V), the sum of p·log p (V), then the mean over 3 positions; a wrong mask count moves it by ≥ 1.
        Assert.Equal(Math.Log(64), DpoMetrics.MeanTokenEntropy(zeros(1, 3, 64), ones(1, 3)).item<float>(),
            FloatTolerance.Of(ScalarType.Float32, 2 * 64 + 3 + 2, Math.Log(64)));
    }
}
