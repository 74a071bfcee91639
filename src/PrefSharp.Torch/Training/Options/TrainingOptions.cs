namespace PrefSharp.Torch.Training.Options;

/// <summary>
/// Everything the shared training loop needs besides the model, the objective and the data. Defaults follow common
/// practice for small decoder fine-tuning (AdamW with β = (0.9, 0.999), ε = 1e-8 as in Loshchilov &amp; Hutter 2019 and
/// PyTorch; weight decay 0.01; linear warm-up then cosine decay, Loshchilov &amp; Hutter 2017). Call
/// <see cref="Validate"/> once after building; it throws an <see cref="ArgumentException"/> naming the option.
/// </summary>
public sealed partial record TrainingOptions
{
    /// <summary>Peak learning rate reached at the end of warm-up. Default 1e-4. Must be &gt; 0.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>AdamW β₁, decay of the first-moment estimate. Default 0.9. In [0, 1).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β₂, decay of the second-moment estimate. Default 0.999. In [0, 1).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>AdamW ε added to √v̂. Default 1e-8. Must be &gt; 0.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Decoupled weight decay λ (applied to matrices only, not to biases, norms or other vectors). Default 0.01. ≥ 0.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Optimiser steps of linear warm-up from lr/warm-up to the peak. Default 0. ≥ 0.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Shape of the learning rate after warm-up. Default <see cref="LearningRateSchedule.Cosine"/>.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Cosine schedule: the learning rate at the last step, as a fraction of the peak. Default 0.1. In [0, 1].</summary>
    public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Number of optimiser steps; null means <see cref="Epochs"/> passes over the data. Default null. &gt; 0 when set.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Passes over the training data when <see cref="MaxSteps"/> is null (may be fractional). Default 1. &gt; 0.</summary>
    public double Epochs { get; init; } = 1.0;

    /// <summary>Examples per forward/backward pass. Default 8. ≥ 1.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>Micro-batches whose gradients are summed into one optimiser step. Default 1. ≥ 1.</summary>
    public int GradientAccumulation { get; init; } = 1;

    /// <summary>Clip the global L2 norm of the gradient to this value; 0 disables clipping. Default 1.0. ≥ 0.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Seed of the data order (shuffled per epoch) and of torch's generator. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Evaluate on the held-out data every this many steps (and at the end); 0 disables. Default 0. ≥ 0.</summary>
    public int EvalEvery { get; init; }

    /// <summary>Write metrics every this many steps. Default 10. ≥ 1.</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Write a checkpoint every this many steps (a final one is always written); 0: only the final one. Default 500. ≥ 0.</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>Folder of checkpoints, <c>metrics.jsonl</c> and the TensorBoard event file. Default "out". Non-empty.</summary>
    public string OutputDirectory { get; init; } = "out";

    /// <summary>Keep only the newest this many checkpoints; 0 keeps all. Default 3. ≥ 0.</summary>
    public int KeepLastCheckpoints { get; init; } = 3;

    /// <summary>Sequences longer than this are truncated (SFT). Default 1024. ≥ 2.</summary>
    public int MaxSequenceLength { get; init; } = 1024;

    /// <summary>
    /// Resume a checkpoint even when options that change the trajectory differ from the saved ones; the changes are
    /// recorded in every later checkpoint's trainer state. Default false: such a resume is refused.
    /// </summary>
    public bool ResumeWithChanges { get; init; }

    /// <summary>Examples per optimiser step: micro-batch size × accumulation.</summary>
    public int ExamplesPerStep => MicroBatchSize * GradientAccumulation;
}
