using PrefSharp.Torch.Training.Reward.MultiObjective;

namespace PrefSharp.Bench.Experiments.MultiObjective;

/// <summary>
/// Budget of a multi-objective gym run: stage 1 (a tiny from-scratch backbone regressed on ratings) and stage 2 (a
/// small gate; the paper's 3 × 1024 gate and 2000 × 1024 pairs are far more than a CPU test needs for k ≤ 6).
/// </summary>
public sealed record MultiObjectiveGymOptions
{
    /// <summary>Backbone preset of <see cref="Torch.Rewards.RewardModelPresets"/>.</summary>
    public string Preset { get; init; } = "tiny";

    /// <summary>Stage-1 optimiser steps.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Stage-1 rated sequences per step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Stage-1 peak learning rate.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Standard deviation of the Gaussian noise added to every rating.</summary>
    public double RatingNoise { get; init; } = 0.25;

    /// <summary>Temperature T of the annotators labelling stage-2 pairs (P = σ(Δu/T)).</summary>
    public double AnnotatorTemperature { get; init; } = 0.5;

    /// <summary>Tokens kept per sequence.</summary>
    public int MaxLength { get; init; } = 48;

    /// <summary>Seed of initialisation and data order.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>
    /// Stage 2: a 2 × 64 gate at τ = 1, 1000 steps of 256 pairs at 1e-2, no dropout. The paper's τ = 10 and 1e-3 suit its
    /// 1024-wide gate over 4096-d features for 2000 steps; on a tiny gate they leave the weights near uniform and β near 1.
    /// </summary>
    public GatingOptions Gating { get; init; } = new()
    {
        Steps = 1000, BatchSize = 256, HiddenSize = 64, HiddenLayers = 2, Temperature = 1, Dropout = 0, LearningRate = 1e-2,
    };
}
