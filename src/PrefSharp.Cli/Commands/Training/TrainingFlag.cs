namespace PrefSharp.Cli.Commands.Training;

/// <summary>The flags of <see cref="TrainingFlags"/>; a verb declares the subset that applies to it.</summary>
[Flags]
public enum TrainingFlag
{
    None = 0,
    /// <summary><c>--lr</c></summary>
    LearningRate = 1 << 0,
    /// <summary><c>--warmup</c></summary>
    Warmup = 1 << 1,
    /// <summary><c>--schedule</c></summary>
    Schedule = 1 << 2,
    /// <summary><c>--min-lr-ratio</c></summary>
    MinLrRatio = 1 << 3,
    /// <summary><c>--max-steps</c></summary>
    MaxSteps = 1 << 4,
    /// <summary><c>--epochs</c></summary>
    Epochs = 1 << 5,
    /// <summary><c>--batch-size</c></summary>
    BatchSize = 1 << 6,
    /// <summary><c>--grad-accum</c></summary>
    Accumulation = 1 << 7,
    /// <summary><c>--max-grad-norm</c></summary>
    MaxGradNorm = 1 << 8,
    /// <summary><c>--weight-decay</c></summary>
    WeightDecay = 1 << 9,
    /// <summary><c>--seed</c></summary>
    Seed = 1 << 10,
    /// <summary><c>--eval-every</c></summary>
    EvalEvery = 1 << 11,
    /// <summary><c>--log-every</c></summary>
    LogEvery = 1 << 12,
    /// <summary><c>--save-every</c></summary>
    SaveEvery = 1 << 13,
    /// <summary><c>--keep-last</c></summary>
    KeepLast = 1 << 14,
    /// <summary><c>--max-length</c></summary>
    MaxLength = 1 << 15,
    /// <summary>Every flag of a run's options (the offline trainers: sft, dpo, train-rm).</summary>
    All = (1 << 16) - 1,
    /// <summary><c>--resume-with-changes</c>, for the verbs that resume.</summary>
    ResumeWithChanges = 1 << 16,
}
