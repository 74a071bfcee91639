using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Metrics;

/// <summary>
/// Temperature scaling (Guo et al. 2017, §4.2): one scalar T &gt; 0 that divides every logit, fitted by minimising
/// the negative log-likelihood on held-out data; accuracy is unchanged, calibration improves. For a reward model the
/// logit of "chosen ≻ rejected" is the gap Δ = r_c − r_r, and P = σ(Δ / T).
/// NLL(s) = Σ_i softplus(−y_i·s·z_i) with s = 1/T and y ∈ {±1} is convex in s, so it is unimodal in log T; the fit is a
/// golden-section search on log T over [1e-3, 1e3] to a relative precision of 1e-10.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>The temperature minimising held-out NLL of logits <paramref name="logits"/> for events <paramref name="outcomes"/>.</summary>
    public static double Fit(IReadOnlyList<double> logits, IReadOnlyList<bool> outcomes)
    {
        if (logits.Count != outcomes.Count) throw new ArgumentException($"{logits.Count} logits for {outcomes.Count} outcomes", nameof(outcomes));
        if (logits.Count == 0) throw new ArgumentException("no held-out data to fit a temperature on", nameof(logits));
        double low = Math.Log(1e-3), high = Math.Log(1e3);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low), b = low + ratio * (high - low);
        double fa = NegativeLogLikelihood(logits, outcomes, Math.Exp(a)), fb = NegativeLogLikelihood(logits, outcomes, Math.Exp(b));
        while (high - low > 1e-10)
        {
            if (fa <= fb)
            {
                (high, b, fb) = (b, a, fa);
                a = high - ratio * (high - low);
                fa = NegativeLogLikelihood(logits, outcomes, Math.Exp(a));
            }
            else
            {
                (low, a, fa) = (a, b, fb);
                b = low + ratio * (high - low);
                fb = NegativeLogLikelihood(logits, outcomes, Math.Exp(b));
            }
        }
        return Math.Exp((low + high) / 2);
    }

    /// <summary>The temperature of a reward model from held-out reward gaps Δ = r_c − r_r (the chosen one won each pair).</summary>
    public static double FitRewardGaps(IReadOnlyList<double> gaps) => Fit(gaps, Enumerable.Repeat(true, gaps.Count).ToArray());

    /// <summary>Mean NLL −[y log σ(z/T) + (1 − y) log σ(−z/T)].</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<double> logits, IReadOnlyList<bool> outcomes, double temperature)
    {
        double sum = 0;
        for (var i = 0; i < logits.Count; i++)
            sum -= LogisticFunctions.LogSigmoid((outcomes[i] ? 1 : -1) * logits[i] / temperature);
        return sum / logits.Count;
    }
}
