namespace PrefSharp.Core.Metrics;

/// <summary>
/// Best-of-N curves (Gao et al. 2023, "Scaling Laws for Reward Model Overoptimization", §2.2 and Appendix I; Nakano
/// et al. 2021): with n samples per prompt scored by a proxy reward and a gold reward, the expected gold reward of
/// the sample the proxy picks as best among N drawn without replacement, for N = 1..n. The estimator averages over
/// all C(n, N) subsets exactly: sorting a prompt's samples by proxy score ascending, the i-th (1-based) is the
/// subset's proxy-argmax with probability C(i − 1, N − 1) / C(n, N), so
/// E[gold | N] = Σ_i C(i − 1, N − 1) / C(n, N) · gold_(i). This is unbiased for i.i.d. samples and uses every sample.
/// Among equal proxy scores the one with the lowest gold reward counts as the pick (the proxy cannot tell them apart; the pessimistic
/// order makes ties never flatter the proxy). Prompts are averaged with equal weight.
/// </summary>
public static class BestOfNCurve
{
    /// <summary>
    /// E[gold of the proxy's pick | N] for N = 1..n (index N − 1), averaged over prompts; every prompt needs the same
    /// number n of samples.
    /// </summary>
    public static double[] Compute(IReadOnlyList<IReadOnlyList<double>> proxy, IReadOnlyList<IReadOnlyList<double>> gold)
    {
        if (proxy.Count == 0 || proxy.Count != gold.Count)
            throw new ArgumentException($"need the same non-zero number of prompts for proxy ({proxy.Count}) and gold ({gold.Count})", nameof(gold));
        var n = proxy[0].Count;
        if (n == 0) throw new ArgumentException("each prompt needs at least one sample", nameof(proxy));
        var logFactorial = new double[n + 1];
        for (var k = 1; k <= n; k++) logFactorial[k] = logFactorial[k - 1] + Math.Log(k);
        double LogChoose(int a, int b) => logFactorial[a] - logFactorial[b] - logFactorial[a - b];
        var curve = new double[n];
        for (var prompt = 0; prompt < proxy.Count; prompt++)
        {
            if (proxy[prompt].Count != n || gold[prompt].Count != n)
                throw new ArgumentException($"prompt {prompt}: {proxy[prompt].Count} proxy and {gold[prompt].Count} gold scores; expected {n} each", nameof(proxy));
            var order = Enumerable.Range(0, n).OrderBy(i => proxy[prompt][i]).ThenByDescending(i => gold[prompt][i]).ToArray();
            for (var size = 1; size <= n; size++)
            {
                double expected = 0;
                for (var rank = size; rank <= n; rank++)           // rank = i (1-based); needs i − 1 ≥ N − 1
                    expected += Math.Exp(LogChoose(rank - 1, size - 1) - LogChoose(n, size)) * gold[prompt][order[rank - 1]];
                curve[size - 1] += expected / proxy.Count;
            }
        }
        return curve;
    }
}
