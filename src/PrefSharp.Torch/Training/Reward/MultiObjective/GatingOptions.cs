namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// ArmoRM stage 2 (the gate on frozen stage-1 features). Defaults are the reference implementation's
/// (RLHFlow/RLHF-Reward-Modeling, armo-rm stage 2): AdamW at 1e-3 without weight decay, cosine decay over 2000 steps
/// of 1024 pairs drawn with replacement, a gate of 3 hidden layers × 1024 with dropout 0.2, temperature 10, β₀ = 1.
/// </summary>
public sealed record GatingOptions
{
    /// <summary>Optimiser steps; default 2000.</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Pairs per step, drawn with replacement; default 1024.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Peak learning rate (cosine decay to 0); default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW weight decay; default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Width of the gate's hidden layers; default 1024.</summary>
    public int HiddenSize { get; init; } = 1024;

    /// <summary>Hidden layers of the gate; default 3.</summary>
    public int HiddenLayers { get; init; } = 3;

    /// <summary>Softmax temperature τ; default 10.</summary>
    public double Temperature { get; init; } = 10;

    /// <summary>Initial scale β₀; default 1.</summary>
    public double LogitScale { get; init; } = 1;

    /// <summary>Dropout in the gate during training; default 0.2.</summary>
    public double Dropout { get; init; } = 0.2;

    /// <summary>The objective to de-correlate the others from (null: no adjustment).</summary>
    public string? VerbosityObjective { get; init; }

    /// <summary>Seed of the gate's initialisation and the batch draws.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Checks ranges; the exception names the option.</summary>
    public GatingOptions Validate()
    {
        if (Steps < 1) throw new ArgumentException($"--gate-steps must be ≥ 1, found {Steps}", nameof(Steps));
        if (BatchSize < 1) throw new ArgumentException($"--gate-batch-size must be ≥ 1, found {BatchSize}", nameof(BatchSize));
        if (!(LearningRate > 0)) throw new ArgumentException($"--gate-lr must be > 0, found {LearningRate}", nameof(LearningRate));
        if (!(WeightDecay >= 0)) throw new ArgumentException($"gate weight decay must be ≥ 0, found {WeightDecay}", nameof(WeightDecay));
        if (HiddenSize < 1) throw new ArgumentException($"--gate-hidden-size must be ≥ 1, found {HiddenSize}", nameof(HiddenSize));
        if (HiddenLayers < 0) throw new ArgumentException($"--gate-layers must be ≥ 0, found {HiddenLayers}", nameof(HiddenLayers));
        if (!(Temperature > 0)) throw new ArgumentException($"--gate-temperature must be > 0, found {Temperature}", nameof(Temperature));
        if (!(LogitScale > 0)) throw new ArgumentException($"gate initial scale must be > 0, found {LogitScale}", nameof(LogitScale));
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"gate dropout must be in [0, 1), found {Dropout}", nameof(Dropout));
        return this;
    }
}
