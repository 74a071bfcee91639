using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// KTO (Ethayarajh et al. 2024, "KTO: Model Alignment as Prospect Theoretic Optimization"): a value function
/// around the reference point z₀ = max(0, KL(πθ‖π_ref)) estimated on mismatched pairs and not back-propagated,
/// desirable: λ_D·(1 − σ(β·(lr − z₀))), undesirable: λ_U·(1 − σ(β·(z₀ − lr))).
/// Defaults β = 0.1, λ_D = λ_U = 1 (paper: keep λ_D·n_D/(λ_U·n_U) in [1, 4/3]). TRL: KTOTrainer.
/// </summary>
public static class KtoLoss
{
    /// <summary>Unpaired binary feedback: per-example losses (N) from log-ratios, labels and the reference point.</summary>
    public static Tensor Unpaired(Tensor logRatios, Tensor desirable, Tensor referencePoint, double beta, double desirableWeight, double undesirableWeight)
    {
        var z0 = referencePoint.detach().clamp_min(0);
        var good = desirableWeight * (1 - (beta * (logRatios - z0)).sigmoid());
        var bad = undesirableWeight * (1 - (beta * (z0 - logRatios)).sigmoid());
        return where(desirable.to(ScalarType.Bool), good, bad);
    }

    /// <summary>
    /// Paired form (TRL's former loss_type="kto_pair"): chosen desirable, rejected undesirable, per-pair sum. Without
    /// <paramref name="referencePoint"/>, z₀ for the chosen term is the batch mean rejected log-ratio and for the
    /// rejected term the batch mean chosen log-ratio (each the other side's mismatched estimate), detached, ≥ 0.
    /// </summary>
    public static Tensor Paired(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor? referencePoint, double beta, double desirableWeight, double undesirableWeight)
    {
        var chosenZ = (referencePoint ?? rejectedLogRatio.mean()).detach().clamp_min(0);
        var rejectedZ = (referencePoint ?? chosenLogRatio.mean()).detach().clamp_min(0);
        return desirableWeight * (1 - (beta * (chosenLogRatio - chosenZ)).sigmoid())
            + undesirableWeight * (1 - (beta * (rejectedZ - rejectedLogRatio)).sigmoid());
    }
}
