using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Length-normalised DPO (TRL's loss_type="sigmoid_norm"; "DPO-norm" of Tülu 3, Lambert et al. 2024, §5):
/// L = −log σ(β·(lr_w/|y_w| − lr_l/|y_l|)), lr the log-ratios to the reference (the log-probabilities themselves when
/// reference-free). β = 0.1 here; Tülu 3 uses β = 5 with this normalisation.
/// </summary>
public static class SigmoidNormLoss
{
    /// <summary>Per-pair losses (B).</summary>
    public static Tensor Compute(Tensor chosenLogRatio, Tensor rejectedLogRatio, Tensor chosenTokens, Tensor rejectedTokens, double beta) =>
        -StableMath.LogSigmoid(beta * (StableMath.PerToken(chosenLogRatio, chosenTokens) - StableMath.PerToken(rejectedLogRatio, rejectedTokens)));
}
