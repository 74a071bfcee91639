using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The DPO family's logging metrics as sums over the pairs of a micro-batch (the loop divides by the pair count):
/// TRL's rewards/chosen, rewards/rejected, rewards/margins, rewards/accuracies, logps/chosen, logps/rejected and
/// entropy, plus likelihood displacement (Razin et al. 2025, "Unintentional Unalignment"): the drift
/// log πθ(y_w) − log π_ref(y_w) of the chosen response, and how many pairs have it negative.
/// </summary>
public static class DpoMetrics
{
    /// <summary>Metric sums from per-sequence log-probs (B) and the per-pair mean token entropy (B) of the policy.</summary>
    public static Dictionary<string, double> Sums(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected,
        Tensor meanEntropy, double beta)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var chosenDrift = (policyChosen - referenceChosen).detach().to(ScalarType.Float64);
        var rejectedDrift = (policyRejected - referenceRejected).detach().to(ScalarType.Float64);
        var chosenReward = beta * chosenDrift;
        var rejectedReward = beta * rejectedDrift;
        double Sum(Tensor t) => t.sum().item<double>();
        return new Dictionary<string, double>
        {
            ["rewards/chosen"] = Sum(chosenReward),
            ["rewards/rejected"] = Sum(rejectedReward),
            ["rewards/margins"] = Sum(chosenReward - rejectedReward),
            ["rewards/accuracies"] = Sum((chosenReward > rejectedReward).to(ScalarType.Float64)),
            ["logps/chosen"] = Sum(policyChosen.detach().to(ScalarType.Float64)),
            ["logps/rejected"] = Sum(policyRejected.detach().to(ScalarType.Float64)),
            ["entropy"] = Sum(meanEntropy.detach().to(ScalarType.Float64)),
            ["displacement/chosen"] = Sum(chosenDrift),
            ["displacement/chosen_down"] = Sum((chosenDrift < 0).to(ScalarType.Float64)),
        };
    }

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
