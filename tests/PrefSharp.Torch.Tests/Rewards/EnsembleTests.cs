using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Ensemble aggregation, preference strength and peer filtering on hand-made member rewards.</summary>
public sealed class EnsembleTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    [Fact]
    public void Mean_worst_case_and_uncertainty_weighted()
    {
        using var scope = NewDisposeScope();
        // Three members, two responses: [1, 2, 3] and [2, 2, 2].
        var members = tensor(new double[,] { { 1, 2 }, { 2, 2 }, { 3, 2 } });
        Assert.Equal([2.0, 2.0], Values(EnsembleAggregation.Aggregate(members, EnsembleAggregationKind.Mean)));
        Assert.Equal([1.0, 2.0], Values(EnsembleAggregation.Aggregate(members, EnsembleAggregationKind.WorstCase)));
        // UWO λ = ½: variance of [1, 2, 3] = (1 + 0 + 1)/3 = ⅔ → 2 − ⅓ = 5/3; [2, 2, 2] has none → 2.
        var uwo = Values(EnsembleAggregation.Aggregate(members, EnsembleAggregationKind.UncertaintyWeighted, 0.5));
        Assert.Equal(5.0 / 3, uwo[0], 12);
        Assert.Equal(2.0, uwo[1], 12);
    }

    [Fact]
    public void Strength_and_mislabel_flags()
    {
        using var scope = NewDisposeScope();
        // Two members (K = 2), three pairs. Gaps: pair 0 [0, 0] → strengths [½, ½]; pair 1 [−log 9, −log 4] →
        // [0.1, 0.2], mean 0.15, std 0.05, all below ½ → flagged; pair 2 [−log 9, log 9] → [0.1, 0.9], mean ½ → not.
        var chosen = tensor(new double[,] { { 0, -Math.Log(9), -Math.Log(9) }, { 0, -Math.Log(4), Math.Log(9) } });
        var rejected = zeros_like(chosen);
        var (mean, std, flagged) = PreferenceStrength.Compute(chosen, rejected);
        Assert.Equal([0.5, 0.15, 0.5], Values(mean).Select(v => Math.Round(v, 12)));
        Assert.Equal([0.0, 0.05, 0.4], Values(std).Select(v => Math.Round(v, 12)));
        Assert.Equal([false, true, false], flagged.data<bool>().ToArray());
    }

    [Fact]
    public void Peer_filter_keeps_the_smallest_losses()
    {
        using var scope = NewDisposeScope();
        var losses = tensor(new float[] { 0.9f, 0.1f, 2.5f, 0.3f, 0.2f });
        // keep 0.5 of 5 → ⌈2.5⌉ = 3 smallest: 0.1, 0.2, 0.3 at indices 1, 4, 3.
        Assert.Equal([false, true, false, true, true], PeerFilter.Select(losses, 0.5).data<bool>().ToArray());
        Assert.All(PeerFilter.Select(losses, 1.0).data<bool>().ToArray(), Assert.True);
    }

    [Fact]
    public void Ensemble_of_models_scores_each_member_and_aggregates()
    {
        using var ensemble = new RewardEnsemble([TinyRewardModels.Create("gpt2", seed: 1), TinyRewardModels.Create("gpt2", seed: 2)]);
        ensemble.Members[1].SetNormalization(0.5, 2.0);
        using var scope = NewDisposeScope();
        var ids = tensor(new long[,] { { 3, 4, 5 }, { 6, 7, 0 } });
        var mask = tensor(new long[,] { { 1, 1, 1 }, { 1, 1, 0 } });
        var members = ensemble.MemberRewards(ids, mask);
        Assert.Equal([2L, 2L], members.shape);
        using (no_grad())
        {
            var second = ensemble.Members[1].Rewards(ids, mask).sub(0.5).div(2.0);
            Assert.Equal(Values(second), Values(members[1]));
        }
        Assert.Equal(Values(members.amin([0])), Values(ensemble.Rewards(ids, mask, EnsembleAggregationKind.WorstCase)));
    }
}
