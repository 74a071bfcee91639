using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>How <see cref="GymRewardTrainer"/> trains a reward model on a gym world's text pairs (small CPU budgets).</summary>
public sealed record GymRewardOptions
{
    /// <summary>Backbone preset (<see cref="Torch.Rewards.RewardModelPresets"/>). Default tiny.</summary>
    public string Preset { get; init; } = "tiny";

    /// <summary>
    /// Optimiser steps. Default 1000 (with 5e-4 and 16 pairs a step), the best budget of the byte-level sorting world on a
    /// validation split of the TRAINING prompts; the word worlds gain from 2,000–4,000 (the gym-reward-model bench uses
    /// each world's best; docs/papers.md, "Gym reward models").
    /// </summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Peak learning rate (cosine to 10 %). Default 5e-4 (3e-3 left the tiny model under-fitting its training labels).</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Pairs per step. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Tokens kept per sequence (the last ones). Default 64, enough for every gym world.</summary>
    public int MaxLength { get; init; } = 64;

    /// <summary>The loss and its parameters. Default Bradley–Terry.</summary>
    public RewardObjectiveOptions Objective { get; init; } = new();

    /// <summary>When set, the model is trained together with a peer that picks its pairs (<see cref="PeerReviewTraining"/>); null: alone.</summary>
    public PeerReviewOptions? PeerReview { get; init; }

    /// <summary>Seed of initialisation and data order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where the loop writes its logs and final checkpoint; null: a temporary folder, deleted after training.</summary>
    public string? OutputDirectory { get; init; }
}
