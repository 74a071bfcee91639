using PrefSharp.Torch.Generation;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>Top-p keeps the smallest most-likely set with mass ≥ p; top-k keeps k; sampling follows the renormalised nucleus.</summary>
public sealed class LogitsFilterTests
{
    // Vocabulary order: P = [0.15, 0.5, 0.05, 0.3].
    private static Tensor HandMade() => tensor(new[] { 0.15, 0.5, 0.05, 0.3 }).log().to(ScalarType.Float32).unsqueeze(0);

    private static bool[] Kept(Tensor filtered) => [.. filtered[0].data<float>().ToArray().Select(float.IsFinite)];

    [Theory]
    [InlineData(0.3, new[] { false, true, false, false })]   // 0.5 ≥ 0.3 alone
    [InlineData(0.75, new[] { false, true, false, true })]   // 0.5 < 0.75, 0.5 + 0.3 ≥ 0.75
    [InlineData(0.85, new[] { true, true, false, true })]    // 0.8 < 0.85, + 0.15 ≥ 0.85
    [InlineData(0.99, new[] { true, true, true, true })]     // 0.95 < 0.99: all four
    public void Top_p_keeps_the_smallest_most_likely_set_reaching_p(double p, bool[] expected)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(expected, Kept(LogitsFilters.TopP(HandMade(), p)));
    }

    [Fact]
    public void Top_p_sets_are_minimal_with_mass_at_least_p_on_a_random_distribution()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var logits = randn(1, 50) * 2;
        var probabilities = logits.softmax(-1)[0].to(ScalarType.Float64).data<double>().ToArray();
        for (var p = 0.05; p < 1.0; p += 0.05)
        {
            var kept = Kept(LogitsFilters.TopP(logits, p));
            var keptProbabilities = probabilities.Where((_, i) => kept[i]).ToArray();
            var mass = keptProbabilities.Sum();
            Assert.True(mass >= p - 1e-6, $"p = {p}: kept mass {mass} < p");
            Assert.True(mass - keptProbabilities.Min() < p + 1e-6, $"p = {p}: dropping the least likely kept token still reaches p: not minimal");
            var threshold = keptProbabilities.Min();
            Assert.All(probabilities.Where((_, i) => !kept[i]), q => Assert.True(q <= threshold, "a removed token is more likely than a kept one"));
        }
    }

    [Fact]
    public void Top_k_keeps_exactly_the_k_largest()
    {
        using var scope = NewDisposeScope();
        Assert.Equal([false, true, false, true], Kept(LogitsFilters.TopK(HandMade(), 2)));
        Assert.Equal([true, true, true, true], Kept(LogitsFilters.TopK(HandMade(), 0)));
    }

    [Fact]
    public void Nucleus_samples_follow_the_renormalised_kept_probabilities()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(17, CPU);
        var logits = HandMade().expand(4000, 4);
        var options = new GenerationOptions { TopP = 0.75 };
        var (tokens, logProbs) = TokenSampler.Next(logits, options, generator);
        var counts = tokens.bincount(null, 4).data<long>().ToArray();
        Assert.Equal(0, counts[0] + counts[2]);                               // outside the nucleus: never drawn
        var share = counts[1] / 4000.0;                                       // 0.5 / 0.8 = 0.625 expected
        Assert.True(Math.Abs(share - 0.625) < 0.03, $"share of token 1 = {share}, expected 0.625 ± 0.03");
        // Reported log-probs are those of the untruncated distribution: log 0.5 and log 0.3.
        var reported = logProbs.data<float>().ToArray().Zip(tokens.data<long>().ToArray());
        // float32 logits log p (one rounding), then log-softmax over V = 4 (max, 4 exps, a sum, a log, a difference) on terms
        // ≤ |log 0.05| = 3: 9 roundings. The truncated distribution would report log 0.625 and log 0.375, ≥ 0.22 away.
        Assert.All(reported, r => Assert.Equal(Math.Log(r.Second == 1 ? 0.5 : 0.3), r.First, FloatTolerance.Of(ScalarType.Float32, 9, 3)));
    }
}
