using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

/// <summary>Best-of-N: the subset estimator against a hand count and against enumerating every subset.</summary>
public sealed class BestOfNCurveTests
{
    [Fact]
    public void Three_samples_by_hand()
    {
        // Proxy [1, 2, 3], gold [10, 0, 5]. N = 1: mean gold 15/3 = 5. N = 2: subsets {1,2} → proxy picks 2 (gold 0),
        // {1,3} → 3 (5), {2,3} → 3 (5): 10/3. N = 3: the proxy picks 3, gold 5.
        var curve = BestOfNCurve.Compute([[1, 2, 3]], [[10, 0, 5]]);
        Assert.Equal([5.0, Math.Round(10.0 / 3, 12), 5.0], curve.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Matches_enumeration_of_all_subsets()
    {
        var random = new Random(3);
        const int n = 7;
        var proxy = Enumerable.Range(0, 4).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var gold = Enumerable.Range(0, 4).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var curve = BestOfNCurve.Compute(proxy, gold);
        for (var size = 1; size <= n; size++)
        {
            double total = 0;
            for (var prompt = 0; prompt < proxy.Length; prompt++)
            {
                var subsets = Enumerable.Range(0, 1 << n).Where(mask => System.Numerics.BitOperations.PopCount((uint)mask) == size).ToList();
                total += subsets.Average(mask =>
                {
                    var members = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0);
                    return gold[prompt][members.MaxBy(i => proxy[prompt][i])];
                }) / proxy.Length;
            }
            Assert.Equal(total, curve[size - 1], 10);
        }
    }

    [Fact]
    public void Proxy_ties_never_flatter_the_proxy()
    {
        // Equal proxy scores: the pick among both is the lower gold (0), so N = 2 gives 0, N = 1 the mean 2.
        Assert.Equal([2.0, 0.0], BestOfNCurve.Compute([[1, 1]], [[0, 4]]));
    }
}
