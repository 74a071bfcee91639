namespace PrefSharp.Core.Metrics;

/// <summary>
/// Ranking accuracy and idealised ranking accuracy (Chen et al. 2024, "Preference Learning Algorithms Do Not Learn
/// Preference Rankings"). Ranking accuracy (§2) is the share of pairs where the model gives the preferred response the
/// higher likelihood, 1[πθ(y_w|x) &gt; πθ(y_l|x)]. The idealised ranking accuracy (§3, Theorem 3.1) is that of the
/// exact optimum of the DPO/RLHF objective under the true preference probability α = P(y_w ≻ y_l | x):
/// π*(y_w|x)/π*(y_l|x) = π_ref(y_w|x)/π_ref(y_l|x)·(α/(1 − α))^{1/β}, so π* ranks a pair right iff
/// log π_ref(y_w|x) − log π_ref(y_l|x) + logit(α)/β &gt; 0. A hard label (α = 1) is always ranked right by π*. Both
/// count a tie as ½, as <see cref="PairwiseAccuracy"/> does. The gap between the two is the paper's alignment gap.
/// </summary>
public static class RankingAccuracy
{
    /// <summary>Share of pairs with log π(y_w|x) &gt; log π(y_l|x) (ties ½), from per-sequence log-probabilities.</summary>
    public static double Observed(IReadOnlyList<double> chosenLogProbs, IReadOnlyList<double> rejectedLogProbs) =>
        PairwiseAccuracy.Compute(chosenLogProbs, rejectedLogProbs).Accuracy;

    /// <summary>
    /// Idealised ranking accuracy of the DPO optimum for reference log-probs, true preference probabilities α ∈ [0, 1]
    /// (null: a hard label, α = 1) and β &gt; 0 (Theorem 3.1).
    /// </summary>
    public static double Idealised(IReadOnlyList<double> referenceChosen, IReadOnlyList<double> referenceRejected,
        IReadOnlyList<double?> preferences, double beta)
    {
        if (preferences.Count != referenceChosen.Count)
            throw new ArgumentException($"{preferences.Count} preference probabilities for {referenceChosen.Count} pairs", nameof(preferences));
        var optimal = referenceChosen.Select((chosen, i) => chosen + LogOddsOverBeta(preferences[i], beta)).ToArray();
        return PairwiseAccuracy.Compute(optimal, referenceRejected).Accuracy;
    }

    /// <summary>
    /// The DPO loss −log σ(β·[(log πθ − log π_ref)(y_w) − (log πθ − log π_ref)(y_l)]) below which the policy ranks the
    /// pair right: softplus(β·(log π_ref(y_w|x) − log π_ref(y_l|x))) (Chen et al. §4, Theorem 4.1). A reference that
    /// ranks the pair wrong by a wide margin leaves a bound near 0, which DPO rarely reaches.
    /// </summary>
    public static double FlipLossBound(double referenceChosen, double referenceRejected, double beta)
    {
        var x = beta * (referenceChosen - referenceRejected);
        return x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
    }

    private static double LogOddsOverBeta(double? preference, double beta)
    {
        if (!(beta > 0 && double.IsFinite(beta))) throw new ArgumentException($"β must be a finite number > 0, found {beta}", nameof(beta));
        var alpha = preference ?? 1.0;
        if (alpha is < 0 or > 1 || double.IsNaN(alpha)) throw new ArgumentException($"a preference probability must be in [0, 1], found {alpha}", nameof(preference));
        return Math.Log(alpha / (1 - alpha)) / beta;
    }
}
