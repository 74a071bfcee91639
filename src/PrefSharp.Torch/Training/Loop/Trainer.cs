using System.Diagnostics;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Optimization;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Loop;

/// <summary>
/// The one training loop every method uses. Per optimiser step: take <see cref="TrainingOptions.GradientAccumulation"/>
/// micro-batches, total weight W = Σ <see cref="ITrainingObjective{TBatch}.Weight"/>, back-propagate each micro-batch's
/// loss sum divided by W (one dispose scope per micro-batch), clip the global gradient norm, take an AdamW step at the
/// scheduled learning rate. Around it: evaluation on held-out data every N steps (under <c>no_grad</c>), metrics to
/// <c>metrics.jsonl</c> and a TensorBoard event file, a progress line, atomic checkpoints with exact resume, and a
/// cancellation token (checked between steps; a cancelled run writes no checkpoint, like a killed one).
/// </summary>
public sealed partial class Trainer<TBatch> : IDisposable where TBatch : IDisposable
{
    private readonly TrainableModel model;
    private readonly ITrainingObjective<TBatch> objective;
    private readonly IMicroBatchSource<TBatch> train;
    private readonly IMicroBatchSource<TBatch>? evaluation;
    private readonly Func<TBatch, long>? countTokens;
    private readonly ProgressReporter progress;
    private readonly LogWindow window = new();
    private readonly TorchSharp.torch.Device device;
    private MetricsJsonlWriter? metrics;
    private TensorBoardWriter? tensorBoard;
    private double lastLoss = double.NaN;
    private string? resumedFrom;
    private IReadOnlyList<Checkpointing.OptionChange>? resumeChanges;

    /// <param name="model">The model; its trainable parameters are optimised.</param>
    /// <param name="objective">The method's loss.</param>
    /// <param name="train">Training micro-batches (of <see cref="TrainingOptions.MicroBatchSize"/> examples).</param>
    /// <param name="options">Validated here.</param>
    /// <param name="evaluation">Held-out micro-batches, read in one full pass per evaluation; null disables evaluation.</param>
    /// <param name="countTokens">Tokens of a micro-batch, for the tokens/s figure; null reports 0.</param>
    /// <param name="progress">Where the progress line goes; null: stderr.</param>
    public Trainer(TrainableModel model, ITrainingObjective<TBatch> objective, IMicroBatchSource<TBatch> train, TrainingOptions options,
        IMicroBatchSource<TBatch>? evaluation = null, Func<TBatch, long>? countTokens = null, ProgressReporter? progress = null)
    {
        Options = options.Validate();
        this.model = model;
        device = Runtime.ComputeTarget.Of(model.Module).Device;
        this.objective = objective;
        this.train = train;
        this.evaluation = evaluation;
        this.countTokens = countTokens;
        this.progress = progress ?? ProgressReporter.ForConsole();
        Optimizer = new AdamW(model.Module.named_parameters(), options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay);
        LossScale = model.Module.parameters().Any(p => p.dtype == TorchSharp.torch.ScalarType.Float16) ? new DynamicLossScale() : null;
        TotalSteps = options.MaxSteps ?? (long)Math.Ceiling(options.Epochs * train.ExampleCount / options.ExamplesPerStep);
        TotalSteps = Math.Max(1, TotalSteps);
    }

    /// <summary>The validated options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The optimiser (its state is part of every checkpoint).</summary>
    public AdamW Optimizer { get; }

    /// <summary>The dynamic loss scale of a model with float16 parameters; null otherwise.</summary>
    public DynamicLossScale? LossScale { get; }

    /// <summary>Optimiser steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>Steps of the whole run: <see cref="TrainingOptions.MaxSteps"/>, or ⌈epochs · examples / (micro-batch · accumulation)⌉.</summary>
    public long TotalSteps { get; }

    /// <summary>
    /// Extra diagnostics a method measures at each logging step (DPO's gradient entanglement, …), written with the
    /// training metrics; null: none.
    /// </summary>
    public Func<IEnumerable<KeyValuePair<string, double>>>? LogStepDiagnostics { get; set; }

    /// <summary>Optimiser updates per step over the step's micro-batches (GRPO's μ); default 1, ≥ 1.</summary>
    public int UpdatesPerStep
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"must be ≥ 1, found {value}", nameof(UpdatesPerStep));
    } = 1;

    /// <summary>
    /// Mini-batches per step (PPO's): the step's micro-batches split into this many consecutive groups, one optimiser
    /// update per group, cycling through them for <see cref="UpdatesPerStep"/> updates; default 1 (every update sees
    /// every micro-batch), ≥ 1.
    /// </summary>
    public int MiniBatches
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"must be ≥ 1, found {value}", nameof(MiniBatches));
    } = 1;

    /// <summary>The options saved beside every checkpoint and compared on resume (<see cref="Checkpointing.ResumeCheck"/>); default <see cref="Options"/>.</summary>
    public object? SavedOptions { get; init; }

    /// <summary>False: the run writes no metrics.jsonl, TensorBoard file or checkpoint (a short inner fit such as the ArmoRM gate); default true.</summary>
    public bool WritesFiles { get; init; } = true;

    /// <summary>Checked after every step: true ends the run there, logged and checkpointed as a last step; null: never.</summary>
    public Func<StepReport, bool>? StopWhen { get; set; }

    /// <summary>A log line's values, replacing the window's means (a method that logs per-step diagnostics of its own); null: the window's.</summary>
    public Func<List<KeyValuePair<string, double>>>? LogValues { get; set; }

    /// <summary>Raised after every step (before evaluation and checkpointing of that step).</summary>
    public event Action<StepReport>? StepCompleted;

    /// <summary>
    /// Trains until <see cref="TotalSteps"/>, <see cref="StopWhen"/> or cancellation; writes the final checkpoint when it completes. A run resumed
    /// at or past <see cref="TotalSteps"/> trains nothing, says so, and returns the resumed checkpoint and its last loss
    /// (<see cref="TrainingResult.AlreadyFinished"/>).
    /// </summary>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        if (Step >= TotalSteps && resumedFrom is not null)
        {
            progress.Message(Checkpointing.ResumeCheck.FinishedMessage(Options.OutputDirectory, resumedFrom, Step, TotalSteps));
            return new TrainingResult(Step, Cancelled: false, lastLoss, null, resumedFrom) { AlreadyFinished = true };
        }
        if (WritesFiles)
        {
            Directory.CreateDirectory(Options.OutputDirectory);
            metrics ??= new MetricsJsonlWriter(Path.Combine(Options.OutputDirectory, MetricsJsonlWriter.FileName));
            tensorBoard ??= new TensorBoardWriter(Options.OutputDirectory);
        }
        if (Step == 0) TorchSharp.torch.manual_seed(Options.Seed);
        model.Module.train();
        var clock = Stopwatch.StartNew();
        var startStep = Step;
        EvaluationResult? lastEvaluation = null;
        string? lastCheckpoint = null;
        var stopped = false;
        while (Step < TotalSteps && !stopped)
        {
            if (cancellation.IsCancellationRequested)
            {
                progress.Finish();
                return new TrainingResult(Step, Cancelled: true, lastLoss, lastEvaluation, lastCheckpoint);
            }
            var report = TrainStep();
            StepCompleted?.Invoke(report);
            window.Add(report);
            stopped = StopWhen?.Invoke(report) == true;
            var last = Step == TotalSteps || stopped;
            if (Step % Options.LogEvery == 0 || last) lastLoss = LogTraining(clock.Elapsed, Step - startStep);
            if (evaluation is not null && ((Options.EvalEvery > 0 && Step % Options.EvalEvery == 0) || last))
                lastEvaluation = EvaluateAndLog();
            if (WritesFiles && ((Options.CheckpointEvery > 0 && Step % Options.CheckpointEvery == 0) || last)) lastCheckpoint = SaveCheckpoint();
        }
        progress.Finish();
        return new TrainingResult(Step, Cancelled: false, lastLoss, lastEvaluation, lastCheckpoint) { Stopped = stopped };
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        metrics?.Dispose();
        tensorBoard?.Dispose();
    }
}
