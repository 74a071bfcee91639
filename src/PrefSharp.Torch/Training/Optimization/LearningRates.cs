using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Optimization;

/// <summary>
/// The learning rate of each optimiser step: linear warm-up, then constant or a half cosine (SGDR, Loshchilov &amp;
/// Hutter 2017, Eq. 5 with a single cycle: η = η_min + ½(η_max − η_min)(1 + cos(π·T_cur/T_i))).
/// </summary>
public static class LearningRates
{
    /// <summary>
    /// The learning rate of update <paramref name="step"/> (1-based, 1..<paramref name="totalSteps"/>): peak·s/W during
    /// the W warm-up steps (so the first update is not wasted at 0), then peak (constant) or
    /// peak·(r + (1 − r)·½(1 + cos(π·p))) with p = (s − W)/(total − W) clamped to [0, 1] and r the minimum ratio.
    /// </summary>
    public static double At(TrainingOptions options, long step, long totalSteps)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "optimiser steps count from 1");
        var peak = options.LearningRate;
        var warmup = options.WarmupSteps;
        if (step <= warmup) return peak * step / warmup;
        if (options.Schedule == LearningRateSchedule.Constant) return peak;
        var progress = totalSteps <= warmup ? 1.0 : Math.Clamp((double)(step - warmup) / (totalSteps - warmup), 0.0, 1.0);
        var ratio = options.MinLearningRateRatio;
        return peak * (ratio + (1 - ratio) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
