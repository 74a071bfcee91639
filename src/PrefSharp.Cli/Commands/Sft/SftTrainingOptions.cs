using System.CommandLine;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Cli.Commands.Sft;

/// <summary>The command-line flags of <see cref="TrainingOptions"/>; defaults are the record's.</summary>
public sealed class SftTrainingOptions
{
    private static readonly TrainingOptions Defaults = new();

    public Option<string> Out { get; } = new("--out") { Description = "Output folder (checkpoints, metrics.jsonl, TensorBoard events)", Required = true };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Peak learning rate", DefaultValueFactory = _ => Defaults.LearningRate };
    public Option<int> Warmup { get; } = new("--warmup") { Description = "Linear warm-up steps", DefaultValueFactory = _ => Defaults.WarmupSteps };
    public Option<string> Schedule { get; } = new("--schedule") { Description = "cosine or constant", DefaultValueFactory = _ => "cosine" };
    public Option<double> MinLrRatio { get; } = new("--min-lr-ratio") { Description = "Cosine: final lr / peak", DefaultValueFactory = _ => Defaults.MinLearningRateRatio };
    public Option<int?> MaxSteps { get; } = new("--max-steps") { Description = "Optimiser steps (default: --epochs passes)" };
    public Option<double> Epochs { get; } = new("--epochs") { Description = "Passes over the data when --max-steps is not given", DefaultValueFactory = _ => Defaults.Epochs };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Examples per micro-batch", DefaultValueFactory = _ => Defaults.MicroBatchSize };
    public Option<int> Accumulation { get; } = new("--grad-accum") { Description = "Micro-batches per optimiser step", DefaultValueFactory = _ => Defaults.GradientAccumulation };
    public Option<double> MaxGradNorm { get; } = new("--max-grad-norm") { Description = "Clip the global gradient norm (0: off)", DefaultValueFactory = _ => Defaults.MaxGradNorm };
    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "AdamW decoupled weight decay", DefaultValueFactory = _ => Defaults.WeightDecay };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the data order and of fresh weights", DefaultValueFactory = _ => Defaults.Seed };
    public Option<int> EvalEvery { get; } = new("--eval-every") { Description = "Evaluate on --eval-data every N steps (0: only at the end)", DefaultValueFactory = _ => Defaults.EvalEvery };
    public Option<int> LogEvery { get; } = new("--log-every") { Description = "Log metrics every N steps", DefaultValueFactory = _ => Defaults.LogEvery };
    public Option<int> SaveEvery { get; } = new("--save-every") { Description = "Checkpoint every N steps (0: only the final one)", DefaultValueFactory = _ => Defaults.CheckpointEvery };
    public Option<int> KeepLast { get; } = new("--keep-last") { Description = "Keep the newest K checkpoints (0: all)", DefaultValueFactory = _ => Defaults.KeepLastCheckpoints };
    public Option<int> MaxLength { get; } = new("--max-length") { Description = "Truncate examples to this many tokens", DefaultValueFactory = _ => Defaults.MaxSequenceLength };

    public void AddTo(Command command)
    {
        Schedule.AcceptOnlyFromAmong("cosine", "constant");
        foreach (var option in new Option[] { Out, LearningRate, Warmup, Schedule, MinLrRatio, MaxSteps, Epochs, BatchSize, Accumulation,
                     MaxGradNorm, WeightDecay, Seed, EvalEvery, LogEvery, SaveEvery, KeepLast, MaxLength })
            command.Add(option);
    }

    /// <summary>The validated options (an <see cref="ArgumentException"/> names the bad one).</summary>
    public TrainingOptions From(ParseResult parse) => new TrainingOptions
    {
        OutputDirectory = parse.GetValue(Out)!,
        LearningRate = parse.GetValue(LearningRate),
        WarmupSteps = parse.GetValue(Warmup),
        Schedule = parse.GetValue(Schedule) == "constant" ? LearningRateSchedule.Constant : LearningRateSchedule.Cosine,
        MinLearningRateRatio = parse.GetValue(MinLrRatio),
        MaxSteps = parse.GetValue(MaxSteps),
        Epochs = parse.GetValue(Epochs),
        MicroBatchSize = parse.GetValue(BatchSize),
        GradientAccumulation = parse.GetValue(Accumulation),
        MaxGradNorm = parse.GetValue(MaxGradNorm),
        WeightDecay = parse.GetValue(WeightDecay),
        Seed = parse.GetValue(Seed),
        EvalEvery = parse.GetValue(EvalEvery),
        LogEvery = parse.GetValue(LogEvery),
        CheckpointEvery = parse.GetValue(SaveEvery),
        KeepLastCheckpoints = parse.GetValue(KeepLast),
        MaxSequenceLength = parse.GetValue(MaxLength),
    }.Validate();
}
