using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// APO-zero for unpaired binary feedback (D'Oosterlinck et al. 2024, Eq. 7 split per example; TRL's KTOTrainer
/// loss_type="apo_zero_unpaired"): desirable 1 − σ(β·lr), undesirable σ(β·lr). β = 0.1.
/// </summary>
public static class ApoZeroUnpairedLoss
{
    /// <summary>Per-example losses (N).</summary>
    public static Tensor Compute(Tensor logRatios, Tensor desirable, double beta)
    {
        var reward = (beta * logRatios).sigmoid();
        return where(desirable.to(ScalarType.Bool), 1 - reward, reward);
    }
}
