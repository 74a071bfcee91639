using System.CommandLine;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Cli.Commands.Training;

/// <summary>
/// The one set of command-line flags for <see cref="TrainingOptions"/>, shared by <c>sft</c>, <c>dpo</c>,
/// <c>train-rm</c> and <c>grpo</c>: the same names everywhere (<c>--lr</c>, <c>--max-steps</c>, <c>--save-every</c>, …),
/// each verb's defaults (a <see cref="TrainingOptions"/>), its wording of the batch unit (<see cref="TrainingFlagTexts"/>)
/// and the subset of flags that applies to it (<see cref="TrainingFlag"/>). Flags a verb leaves out keep its defaults.
/// The output folder is each verb's own <c>--out</c> (its layout differs per verb).
/// </summary>
public sealed class TrainingFlags
{
    private readonly TrainingOptions defaults;
    private readonly TrainingFlag included;

    /// <param name="defaults">The verb's defaults; a flag's default is the matching property.</param>
    /// <param name="texts">The verb's wording.</param>
    /// <param name="included">The flags the verb offers.</param>
    public TrainingFlags(TrainingOptions defaults, TrainingFlagTexts texts, TrainingFlag included = TrainingFlag.All)
    {
        this.defaults = defaults;
        this.included = included;
        var unit = texts.BatchUnit;
        LearningRate = texts.LearningRateDefaultNote is { } note
            ? new("--lr") { Description = $"Peak learning rate; {note}" }
            : new("--lr") { Description = "Peak learning rate", DefaultValueFactory = _ => defaults.LearningRate };
        Warmup = new("--warmup") { Description = texts.Warmup, DefaultValueFactory = _ => defaults.WarmupSteps };
        Schedule = new("--schedule") { Description = "Learning rate after warm-up: cosine or constant", DefaultValueFactory = _ => Name(defaults.Schedule) };
        Schedule.AcceptOnlyFromAmong("cosine", "constant");
        MinLrRatio = new("--min-lr-ratio") { Description = "Cosine: final lr / peak", DefaultValueFactory = _ => defaults.MinLearningRateRatio };
        MaxSteps = defaults.MaxSteps is { } steps
            ? new("--max-steps") { Description = texts.StepUnit, DefaultValueFactory = _ => steps }
            : new("--max-steps") { Description = $"{texts.StepUnit} (default: --epochs passes over the data)" };
        Epochs = new("--epochs") { Description = "Passes over the data when --max-steps is not given", DefaultValueFactory = _ => defaults.Epochs };
        BatchSize = new("--batch-size") { Description = $"{unit} per micro-batch", DefaultValueFactory = _ => defaults.MicroBatchSize };
        Accumulation = new("--grad-accum") { Description = "Micro-batches per optimiser step", DefaultValueFactory = _ => defaults.GradientAccumulation };
        MaxGradNorm = new("--max-grad-norm") { Description = "Clip the global gradient norm (0: off)", DefaultValueFactory = _ => defaults.MaxGradNorm };
        WeightDecay = new("--weight-decay") { Description = "AdamW decoupled weight decay", DefaultValueFactory = _ => defaults.WeightDecay };
        Seed = new("--seed") { Description = texts.Seed, DefaultValueFactory = _ => defaults.Seed };
        EvalEvery = new("--eval-every") { Description = "Evaluate on the held-out data every N steps (0: only at the end)", DefaultValueFactory = _ => defaults.EvalEvery };
        LogEvery = new("--log-every") { Description = "Write metrics every N steps", DefaultValueFactory = _ => defaults.LogEvery };
        SaveEvery = new("--save-every") { Description = "Write a resumable checkpoint every N steps (0: only the final one)", DefaultValueFactory = _ => defaults.CheckpointEvery };
        KeepLast = new("--keep-last") { Description = "Keep the newest K checkpoints (0: all)", DefaultValueFactory = _ => defaults.KeepLastCheckpoints };
        MaxLength = new("--max-length") { Description = texts.MaxLength, DefaultValueFactory = _ => defaults.MaxSequenceLength };
        ResumeWithChanges = new("--resume-with-changes")
        {
            Description = "With --resume: continue even where --seed, --lr, --batch-size or another option that changes the run differs from the saved one (the changes are recorded in the checkpoint)",
        };
    }

    public Option<double?> LearningRate { get; }
    public Option<int> Warmup { get; }
    public Option<string> Schedule { get; }
    public Option<double> MinLrRatio { get; }
    public Option<int?> MaxSteps { get; }
    public Option<double> Epochs { get; }
    public Option<int> BatchSize { get; }
    public Option<int> Accumulation { get; }
    public Option<double> MaxGradNorm { get; }
    public Option<double> WeightDecay { get; }
    public Option<int> Seed { get; }
    public Option<int> EvalEvery { get; }
    public Option<int> LogEvery { get; }
    public Option<int> SaveEvery { get; }
    public Option<int> KeepLast { get; }
    public Option<int> MaxLength { get; }
    public Option<bool> ResumeWithChanges { get; }

    /// <summary>Adds the verb's flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (flag, option) in All()) if (included.HasFlag(flag)) command.Add(option);
    }

    /// <summary>The value the user gave to <c>--lr</c>, or null (for verbs whose default depends on other flags).</summary>
    public double? ExplicitLearningRate(ParseResult parse) => included.HasFlag(TrainingFlag.LearningRate) ? parse.GetValue(LearningRate) : null;

    /// <summary>
    /// The verb's defaults overridden by the flags it offers, writing into <paramref name="outputDirectory"/>; validated,
    /// and an out-of-range value is reported under its flag's name (<c>--max-length: …</c>).
    /// </summary>
    public TrainingOptions From(ParseResult parse, string outputDirectory)
    {
        try
        {
            return Parse(parse, outputDirectory).Validate();
        }
        catch (ArgumentException error) when (error.ParamName is { } property && FlagOf(property) is { } flag)
        {
            throw new ArgumentException($"{flag.Name}: {error.Message}", flag.Name, error);
        }
    }

    /// <summary>The flag (offered by this verb) that sets the <see cref="TrainingOptions"/> property <paramref name="property"/>, or null.</summary>
    public Option? FlagOf(string property)
    {
        var flag = property switch
        {
            nameof(TrainingOptions.LearningRate) => TrainingFlag.LearningRate, nameof(TrainingOptions.WarmupSteps) => TrainingFlag.Warmup,
            nameof(TrainingOptions.MinLearningRateRatio) => TrainingFlag.MinLrRatio, nameof(TrainingOptions.MaxSteps) => TrainingFlag.MaxSteps,
            nameof(TrainingOptions.Epochs) => TrainingFlag.Epochs, nameof(TrainingOptions.MicroBatchSize) => TrainingFlag.BatchSize,
            nameof(TrainingOptions.GradientAccumulation) => TrainingFlag.Accumulation, nameof(TrainingOptions.MaxGradNorm) => TrainingFlag.MaxGradNorm,
            nameof(TrainingOptions.WeightDecay) => TrainingFlag.WeightDecay, nameof(TrainingOptions.EvalEvery) => TrainingFlag.EvalEvery,
            nameof(TrainingOptions.LogEvery) => TrainingFlag.LogEvery, nameof(TrainingOptions.CheckpointEvery) => TrainingFlag.SaveEvery,
            nameof(TrainingOptions.KeepLastCheckpoints) => TrainingFlag.KeepLast, nameof(TrainingOptions.MaxSequenceLength) => TrainingFlag.MaxLength,
            _ => TrainingFlag.None,
        };
        return flag != TrainingFlag.None && included.HasFlag(flag) ? All().First(f => f.Item1 == flag).Item2 : null;
    }

    private TrainingOptions Parse(ParseResult parse, string outputDirectory) => defaults with
    {
        OutputDirectory = outputDirectory,
        LearningRate = Get(parse, TrainingFlag.LearningRate, LearningRate) ?? defaults.LearningRate,
        WarmupSteps = Get(parse, TrainingFlag.Warmup, Warmup, defaults.WarmupSteps),
        Schedule = Get(parse, TrainingFlag.Schedule, Schedule, Name(defaults.Schedule)) == "constant" ? LearningRateSchedule.Constant : LearningRateSchedule.Cosine,
        MinLearningRateRatio = Get(parse, TrainingFlag.MinLrRatio, MinLrRatio, defaults.MinLearningRateRatio),
        MaxSteps = Get(parse, TrainingFlag.MaxSteps, MaxSteps) ?? defaults.MaxSteps,
        Epochs = Get(parse, TrainingFlag.Epochs, Epochs, defaults.Epochs),
        MicroBatchSize = Get(parse, TrainingFlag.BatchSize, BatchSize, defaults.MicroBatchSize),
        GradientAccumulation = Get(parse, TrainingFlag.Accumulation, Accumulation, defaults.GradientAccumulation),
        MaxGradNorm = Get(parse, TrainingFlag.MaxGradNorm, MaxGradNorm, defaults.MaxGradNorm),
        WeightDecay = Get(parse, TrainingFlag.WeightDecay, WeightDecay, defaults.WeightDecay),
        Seed = Get(parse, TrainingFlag.Seed, Seed, defaults.Seed),
        EvalEvery = Get(parse, TrainingFlag.EvalEvery, EvalEvery, defaults.EvalEvery),
        LogEvery = Get(parse, TrainingFlag.LogEvery, LogEvery, defaults.LogEvery),
        CheckpointEvery = Get(parse, TrainingFlag.SaveEvery, SaveEvery, defaults.CheckpointEvery),
        KeepLastCheckpoints = Get(parse, TrainingFlag.KeepLast, KeepLast, defaults.KeepLastCheckpoints),
        MaxSequenceLength = Get(parse, TrainingFlag.MaxLength, MaxLength, defaults.MaxSequenceLength),
        ResumeWithChanges = Get(parse, TrainingFlag.ResumeWithChanges, ResumeWithChanges, defaults.ResumeWithChanges),
    };

    private T Get<T>(ParseResult parse, TrainingFlag flag, Option<T> option, T fallback) => included.HasFlag(flag) ? parse.GetValue(option)! : fallback;

    private T? Get<T>(ParseResult parse, TrainingFlag flag, Option<T?> option) where T : struct =>
        included.HasFlag(flag) ? parse.GetValue(option) : null;

    private IEnumerable<(TrainingFlag, Option)> All() =>
    [
        (TrainingFlag.LearningRate, LearningRate), (TrainingFlag.Warmup, Warmup), (TrainingFlag.Schedule, Schedule),
        (TrainingFlag.MinLrRatio, MinLrRatio), (TrainingFlag.MaxSteps, MaxSteps), (TrainingFlag.Epochs, Epochs),
        (TrainingFlag.BatchSize, BatchSize), (TrainingFlag.Accumulation, Accumulation), (TrainingFlag.MaxGradNorm, MaxGradNorm),
        (TrainingFlag.WeightDecay, WeightDecay), (TrainingFlag.Seed, Seed), (TrainingFlag.EvalEvery, EvalEvery),
        (TrainingFlag.LogEvery, LogEvery), (TrainingFlag.SaveEvery, SaveEvery), (TrainingFlag.KeepLast, KeepLast),
        (TrainingFlag.MaxLength, MaxLength), (TrainingFlag.ResumeWithChanges, ResumeWithChanges),
    ];

    private static string Name(LearningRateSchedule schedule) => schedule == LearningRateSchedule.Constant ? "constant" : "cosine";
}
