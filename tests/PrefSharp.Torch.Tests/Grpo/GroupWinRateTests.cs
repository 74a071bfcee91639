using PrefSharp.Torch.Rewards.Pairwise;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class GroupWinRateTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    [Fact]
    public void Hand_made_group_with_a_tie()
    {
        // G = 4: 0 beats everyone; 1 ties 2; 1 and 2 beat 3.
        // w0 = (1 + 1 + 1)/3 = 1; w1 = (0 + 0.5 + 1)/3 = 0.5; w2 = (0 + 0.5 + 1)/3 = 0.5; w3 = 0.
        List<PairComparison> group = [new(0, 1, 1), new(0, 2, 1), new(3, 0, 0), new(1, 2, 0.5), new(1, 3, 1), new(2, 3, 1)];
        using var matrix = GroupWinRate.Matrix([group], 4);
        Assert.Equal(new double[] { 1, 0.5, 0.5, 0 }, Values(GroupWinRate.Compute(matrix)));
    }

    [Fact]
    public void Cyclic_group_of_three_gives_everyone_one_half()
    {
        // a ≻ b, b ≻ c, c ≻ a: each wins one of two comparisons.
        using var matrix = GroupWinRate.Matrix([[new(0, 1, 1), new(1, 2, 1), new(2, 0, 1)]], 3);
        Assert.Equal(new double[] { 0.5, 0.5, 0.5 }, Values(GroupWinRate.Compute(matrix)));
    }

    [Fact]
    public void Every_pair_of_the_group_is_required_exactly_once()
    {
        var missing = Assert.Throws<ArgumentException>(() => GroupWinRate.Matrix([[new(0, 1, 1), new(1, 2, 1)]], 3));
        Assert.Contains("all 3 pairs", missing.Message);
        Assert.Throws<ArgumentException>(() => GroupWinRate.Matrix([[new(0, 1, 1), new(1, 0, 1), new(1, 2, 1)]], 3));
        Assert.Throws<ArgumentException>(() => GroupWinRate.Matrix([[new(0, 1, 1.5), new(0, 2, 1), new(1, 2, 1)]], 3));
        Assert.Equal([(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)], GroupWinRate.AllPairs(4));
    }

    [Fact]
    public void Bradley_terry_adapter_uses_sigmoid_of_reward_differences()
    {
        // r = [0, ln 3]: P(0 ≻ 1) = σ(−ln 3) = 1/(1 + 3) = 0.25, P(1 ≻ 0) = 0.75 → win rates [0.25, 0.75].
        // Second prompt r = [0, 0, 0]: all ½.
        using var first = PairwisePreferences.BradleyTerry(tensor(new double[,] { { 0, Math.Log(3) } }));
        var w = Values(GroupWinRate.Compute(first));
        Assert.Equal(0.25, w[0], 12);
        Assert.Equal(0.75, w[1], 12);
        using var flat = PairwisePreferences.BradleyTerry(zeros(1, 3, ScalarType.Float64));
        Assert.All(Values(GroupWinRate.Compute(flat)), v => Assert.Equal(0.5, v, 12));
    }

    [Fact]
    public void General_preference_adapter_matches_the_core_convention_and_can_express_a_cycle()
    {
        // v0 = [1, 0], v1 = [0, 1]: ⟨R v0, v1⟩ = v0[1]·v1[0] − v0[0]·v1[1] = 0 − 1 = −1 → P(0 ≻ 1) = σ(−1).
        using var two = PairwisePreferences.GeneralPreference(tensor(new double[,,] { { { 1, 0 }, { 0, 1 } } }));
        Assert.Equal(1 / (1 + Math.E), two[0, 0, 1].item<double>(), 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), two[0, 1, 0].item<double>(), 12);
        Assert.Equal(-1.0, PrefSharp.Core.Ranking.Intransitive.GeneralPreferenceModel.Score([1, 0], [0, 1]));  // Core agrees
        // Three unit vectors at 0°, 120°, 240°: scores −sin(120°) all round the cycle → a rock-paper-scissors group,
        // every win rate ½ although no completion is preferred to all.
        var angles = new[] { 0.0, 2 * Math.PI / 3, 4 * Math.PI / 3 };
        var embeddings = new double[1, 3, 2];
        for (var i = 0; i < 3; i++) (embeddings[0, i, 0], embeddings[0, i, 1]) = (Math.Cos(angles[i]), Math.Sin(angles[i]));
        using var cycle = PairwisePreferences.GeneralPreference(tensor(embeddings));
        Assert.All(Values(GroupWinRate.Compute(cycle)), v => Assert.Equal(0.5, v, 12));
        Assert.True(cycle[0, 0, 1].item<double>() < 0.5 && cycle[0, 1, 2].item<double>() < 0.5 && cycle[0, 2, 0].item<double>() < 0.5);
    }
}
