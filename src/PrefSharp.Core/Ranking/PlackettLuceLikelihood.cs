namespace PrefSharp.Core.Ranking;

/// <summary>
/// The Plackett–Luce log-likelihood (Plackett 1975; Hunter 2004, §5): each stage s of an observation chooses
/// item o_s from the items not yet chosen R_s with probability e^(β_{o_s}) / Σ_{k∈R_s} e^(β_k), so
/// ℓ(β) = Σ_obs w Σ_s [β_{o_s} − log Σ_{k∈R_s} e^(β_k)] and ∂ℓ/∂β_t = Σ_obs w Σ_s ([t = o_s] − p_s(t)),
/// computed with suffix sums in O(|set|) per observation, and an optional Gaussian prior −λ/2·Σβ².
/// </summary>
public static class PlackettLuceLikelihood
{
    /// <summary>ℓ(β) (penalised when λ &gt; 0); fills the gradient when given.</summary>
    public static double Evaluate(ChoiceData data, ReadOnlySpan<double> strengths, Span<double> gradient, double priorPrecision = 0)
    {
        bool withGradient = !gradient.IsEmpty;
        if (withGradient) gradient.Clear();
        double value = 0;
        var exps = new double[16];
        var suffix = new double[17];
        for (int obs = 0; obs < data.Count; obs++)
        {
            int[] set = data.Sets[obs];
            int stages = data.Stages[obs];
            double weight = data.Weights[obs];
            if (set.Length + 1 > suffix.Length) { exps = new double[set.Length]; suffix = new double[set.Length + 1]; }
            double max = double.NegativeInfinity;
            foreach (int item in set) max = Math.Max(max, strengths[item]);
            for (int k = 0; k < set.Length; k++) exps[k] = Math.Exp(strengths[set[k]] - max);
            suffix[set.Length] = 0;
            for (int k = set.Length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + exps[k];
            double inverseSuffixSum = 0;
            for (int k = 0; k < set.Length; k++)
            {
                if (k < stages)
                {
                    value += weight * (strengths[set[k]] - max - Math.Log(suffix[k]));
                    inverseSuffixSum += 1 / suffix[k];
                    if (withGradient) gradient[set[k]] += weight;
                }
                if (withGradient) gradient[set[k]] -= weight * exps[k] * inverseSuffixSum;
            }
        }
        if (priorPrecision > 0)
        {
            for (int k = 0; k < strengths.Length; k++)
            {
                value -= 0.5 * priorPrecision * strengths[k] * strengths[k];
                if (withGradient) gradient[k] -= priorPrecision * strengths[k];
            }
        }
        return value;
    }
}
