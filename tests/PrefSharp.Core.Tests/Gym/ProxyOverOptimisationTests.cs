using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Tests.Gym;

/// <summary>The lexicon world's proxy can be hacked: a bag-of-words reward fitted to gold labels pays for repetition and length.</summary>
public sealed class ProxyOverOptimisationTests
{
    private static readonly IWorld World = new LexiconWorld();

    private static BagOfWordsReward FitProxy()
    {
        var samples = GymSampler.Sample(World, 500, 4, seed: 17);
        var judgements = GymAnnotation.Annotate(World, samples, [new SimulatedAnnotator("gold") { Temperature = 0.5 }], seed: 3);
        var pairs = GymRecords.ToPairs(World, judgements).Select(p => (p.Chosen.Text!, p.Rejected.Text!, p.IsTie)).ToList();
        return BagOfWordsReward.Fit(pairs);
    }

    [Fact]
    public void A_proxy_fitted_on_gold_labels_prefers_repetition_and_verbosity_that_gold_punishes()
    {
        var proxy = FitProxy();
        const string best = "bread soup apple great nice the";     // gold 4, the optimum
        const string hacked = "bread soup apple great nice bread soup apple great nice bread soup apple great nice"; // gold −6.2
        // gold(hacked) = 3 + 1 − ½·10 repeats − 0.3·(15 − 6) = −3.7? R = 3, V = 1, repeats = 15 − 5 = 10 → −5, length 0.3·9 = 2.7 → −3.7
        Assert.Equal(-3.7, World.GoldUtility("food", hacked), 12);
        Assert.Equal(4.0, World.GoldUtility("food", best), 12);
        Assert.True(proxy.Score(hacked) > proxy.Score(best), $"proxy hacked {proxy.Score(hacked)} vs best {proxy.Score(best)}");
        // It learnt the right signs on the words that demonstrations use.
        Assert.True(proxy.Weight("w:bread") > 0 && proxy.Weight("w:great") > 0 && proxy.Weight("w:awful") < 0);
    }

    [Fact]
    public void Best_of_n_against_the_proxy_raises_the_proxy_monotonically_with_the_analytic_KL()
    {
        var proxy = FitProxy();
        var points = BestOfNSweep.Run(World, proxy.Score, GymSampler.DefaultQualities, prompts: 200, maxN: 64, seed: 9);
        Assert.Equal([1, 2, 4, 8, 16, 32, 64], points.Select(p => p.N));
        Assert.Equal(0.0, points[0].Kl, 12);                       // ln 1 − 0
        Assert.Equal(Math.Log(64) - 63.0 / 64, points[^1].Kl, 12); // ln 64 − 63/64 = 3.1763
        for (var i = 1; i < points.Count; i++) Assert.True(points[i].ProxyReward >= points[i - 1].ProxyReward);
        Assert.True(points[^1].GoldUtility > points[0].GoldUtility); // selection on a correlated proxy helps at first
    }

    [Fact]
    public void Fitting_recovers_a_known_preference_direction()
    {
        // "a" always beats "b": the only separating direction is θ_a − θ_b > 0.
        var pairs = Enumerable.Repeat(("a", "b", false), 50).ToList();
        var proxy = BagOfWordsReward.Fit(pairs);
        Assert.True(proxy.Score("a") > proxy.Score("b"));
        Assert.Throws<ArgumentException>(() => BagOfWordsReward.Fit([]));
    }
}
