using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.Pluralistic;

/// <summary>
/// A new user's mixture logits ℓ (K) from a few of their comparisons, everything else frozen: the few-shot
/// localisation of PAL (Chen et al. 2024, §3: a new user only learns w on the simplex) and MiCRo's per-user routing
/// (Shen et al. 2025, §4.2), here both by maximum likelihood: ℓ = argmin Σ_i −log P(y_c,i ≻ y_r,i | ℓ), from ℓ = 0,
/// with Adam (no weight decay), full-batch steps.
/// </summary>
public static class UserWeightFit
{
    /// <summary>ℓ (K), detached, fitted on <paramref name="outputs"/> (the user's pairs, computed without gradients).</summary>
    public static Tensor Fit(PluralisticRewardModel model, PairOutputs outputs, int steps = 200, double learningRate = 0.1)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "must be ≥ 1");
        var logits = new TorchSharp.Modules.Parameter(zeros(model.Head.Prototypes, dtype: outputs.Chosen.dtype, device: outputs.Chosen.device));
        using var optimizer = new AdamW([("user_logits", logits)], weightDecay: 0);
        var rows = outputs.Chosen.shape[0];
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            model.Losses(outputs, logits.unsqueeze(0).expand(rows, -1)).mean().backward();
            optimizer.Step(learningRate);
        }
        return logits.detach();
    }
}
