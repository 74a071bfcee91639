using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// BCO, pairwise (Jung et al. 2024, "Binary Classifier Optimization for LLM Alignment", the binary
/// classifier with its reward shift): a logistic classifier of chosen against rejected around the mean reward δ,
/// L = −log σ(β·lr_w − δ) − log σ(−(β·lr_l − δ)). δ is a running mean of the rewards β·lr in training (TRL keeps
/// one); given none, the batch mean is used, detached. β = 0.1. TRL: loss_type="bco_pair".
/// </summary>
public static class BcoPairLoss
{
    /// <summary>Per-pair losses (B); <paramref name="delta"/> null uses the detached batch mean of both rewards.</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, double beta, Tensor? delta)
    {
        var chosen = beta * chosenLogRatio;
        var rejected = beta * rejectedLogRatio;
        var shift = delta ?? cat([chosen, rejected]).mean().detach();
        return -StableMath.LogSigmoid(chosen - shift) - StableMath.LogSigmoid(-(rejected - shift));
    }
}
