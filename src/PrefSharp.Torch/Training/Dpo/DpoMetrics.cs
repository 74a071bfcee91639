using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The DPO family's logging metrics as sums over the pairs of a micro-batch (the loop divides by the pair count):
/// TRL's rewards/chosen, rewards/rejected, rewards/margins, rewards/accuracies, logps/chosen, logps/rejected and
/// entropy; ranking accuracy (Chen et al. 2024, §2: the share of pairs with πθ(y_w|x) &gt; πθ(y_l|x), ties ½; see
/// <see cref="PrefSharp.Core.Metrics.RankingAccuracy"/>), of the policy and of the reference; and likelihood
/// displacement (Razin et al. 2025, "Unintentional Unalignment"): the drift log πθ(y_w) − log π_ref(y_w) of the chosen
/// response, and how many pairs have it negative. Without a reference the rewards are β·log πθ (as TRL logs SimPO and
/// CPO) and neither the reference ranking nor displacement is logged: they have no meaning there.
/// </summary>
public static class DpoMetrics
{
    /// <summary>Metric sums from per-sequence log-probs (B), null references when reference-free, and the per-pair mean token entropy (B).</summary>
    public static Dictionary<string, double> Sums(Tensor policyChosen, Tensor policyRejected, Tensor? referenceChosen, Tensor? referenceRejected,
        Tensor meanEntropy, double beta)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor Double(Tensor t) => t.detach().to(ScalarType.Float64);
        var chosenDrift = referenceChosen is null ? Double(policyChosen) : Double(policyChosen - referenceChosen);
        var rejectedDrift = referenceRejected is null ? Double(policyRejected) : Double(policyRejected - referenceRejected);
        var chosenReward = beta * chosenDrift;
        var rejectedReward = beta * rejectedDrift;
        var sums = new Dictionary<string, double>
        {
            ["rewards/chosen"] = Sum(chosenReward),
            ["rewards/rejected"] = Sum(rejectedReward),
            ["rewards/margins"] = Sum(chosenReward - rejectedReward),
            ["rewards/accuracies"] = Sum((chosenReward > rejectedReward).to(ScalarType.Float64)),
            ["logps/chosen"] = Sum(Double(policyChosen)),
            ["logps/rejected"] = Sum(Double(policyRejected)),
            ["entropy"] = Sum(Double(meanEntropy)),
            ["ranking/accuracy"] = RankedRight(Double(policyChosen), Double(policyRejected)),
        };
        if (referenceChosen is null || referenceRejected is null) return sums;
        sums["ranking/reference"] = RankedRight(Double(referenceChosen), Double(referenceRejected));
        sums["displacement/chosen"] = Sum(chosenDrift);
        sums["displacement/chosen_down"] = Sum((chosenDrift < 0).to(ScalarType.Float64));
        return sums;
    }

    /// <summary>The sum of a per-pair tensor, as a metric sum.</summary>
    public static double Sum(Tensor perPair)
    {
        using var scope = NewDisposeScope();
        return perPair.detach().to(ScalarType.Float64).sum().item<double>();
    }

    private static double RankedRight(Tensor chosen, Tensor rejected) =>
        Sum((chosen > rejected).to(ScalarType.Float64) + 0.5 * (chosen == rejected).to(ScalarType.Float64));

    /// <summary>Mean entropy −Σ_v p log p over the scored positions of each row: logits (B, T, V), mask (B, T) → (B).</summary>
    public static Tensor MeanTokenEntropy(Tensor logits, Tensor mask)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logProbs = logits.detach().to(ScalarType.Float32).log_softmax(-1);
        var entropy = -(logProbs.exp() * logProbs).sum(-1);                       // (B, T)
        var scored = mask.to(ScalarType.Float32);
        return ((entropy * scored).sum(1) / scored.sum(1).clamp_min(1)).MoveToOuterDisposeScope();
    }
}
