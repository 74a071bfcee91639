using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Optimization;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Online GRPO (Shao et al. 2024, "DeepSeekMath", Algorithm 1) and its pairwise variant Pref-GRPO (Wang et al. 2025)
/// on prompt-only data. Each step: sample G completions for B prompts (<see cref="GrpoRollout"/>), score them with an
/// <see cref="IGroupRewardSource"/> (a reward model or function, or group win rates from a preference model or
/// judge), turn rewards into group-relative advantages (<see cref="GroupAdvantages"/>), then take μ optimiser updates
/// of the clipped surrogate (<see cref="GrpoLoss"/>) on those samples. With <see cref="AdvantageEstimator.LeaveOneOut"/>
/// the advantages are RLOO's (Ahmadian et al. 2024, Eq. 6; <see cref="LeaveOneOutAdvantages"/>), the rest unchanged.
/// The optimiser, learning-rate schedule, gradient clipping, metrics.jsonl / TensorBoard logging, progress line and
/// atomic resumable checkpoints are the shared loop's (Training/Optimization, Training/Logging, Training/Checkpointing);
/// a resumed run ends bit-identical to an uninterrupted one (GrpoTrainer.Checkpoints.cs).
/// Diagnostics every step: gold and proxy reward, KL to the reference, entropy, distinct-n, self-BLEU, zero-spread
/// fraction, clip fraction, illusory advantage (<see cref="Diagnostics.GrpoStepDiagnostics"/>).
/// </summary>
public sealed partial class GrpoTrainer : IDisposable
{
    private readonly ICausalLM policy;
    private readonly ICausalLM? reference;
    private readonly IGroupRewardSource reward;
    private readonly IReadOnlyList<GrpoPrompt> prompts;
    private readonly Func<IReadOnlyList<long>, string> decode;
    private readonly Func<string, string, double>? gold;
    private readonly ProgressReporter progress;
    private readonly PromptCycle order;
    private double? lastLoss;
    private string? resumedFrom;
    private IReadOnlyList<OptionChange>? resumeChanges;

    /// <param name="policy">The trained policy (its parameters with <c>requires_grad</c> are optimised).</param>
    /// <param name="prompts">Prompt-only training data, cycled in a seeded shuffled order.</param>
    /// <param name="reward">Where rewards come from.</param>
    /// <param name="decode">Completion token ids → text for the reward source (special tokens dropped).</param>
    /// <param name="options">Validated here.</param>
    /// <param name="reference">Frozen reference for the KL penalty (needed when β &gt; 0) and the KL diagnostic.</param>
    /// <param name="gold">The true utility u(x, y) when known (the gym), logged as reward/gold; never trained on.</param>
    /// <param name="progress">Where the progress line goes; null: stderr.</param>
    public GrpoTrainer(ICausalLM policy, IReadOnlyList<GrpoPrompt> prompts, IGroupRewardSource reward,
        Func<IReadOnlyList<long>, string> decode, GrpoTrainerOptions options, ICausalLM? reference = null,
        Func<string, string, double>? gold = null, ProgressReporter? progress = null)
    {
        Options = options.Validate();
        if (prompts.Count == 0) throw new ArgumentException("no prompts to train on", nameof(prompts));
        if (prompts.FirstOrDefault(p => p.Ids.Count == 0) is { } empty)
            throw new ArgumentException($"prompt \"{empty.Text}\" has no tokens; every prompt needs at least one", nameof(prompts));
        if ((options.Loss.Beta > 0 || options.KlBudget is not null) && reference is null)
            throw new ArgumentException($"Beta = {options.Loss.Beta} and KlBudget = {options.KlBudget} need a reference model to measure KL against", nameof(reference));
        this.policy = policy;
        this.reference = reference;
        this.reward = reward;
        this.prompts = prompts;
        this.decode = decode;
        this.gold = gold;
        this.progress = progress ?? ProgressReporter.ForConsole();
        var training = options.Training;
        Optimizer = new AdamW(policy.Module.named_parameters(), training.Beta1, training.Beta2, training.Epsilon, training.WeightDecay);
        TotalSteps = training.MaxSteps!.Value;
        order = new PromptCycle(prompts.Count, training.Seed);
    }

    /// <summary>The validated options.</summary>
    public GrpoTrainerOptions Options { get; }

    /// <summary>The shared AdamW.</summary>
    public AdamW Optimizer { get; }

    /// <summary>Rollout steps completed.</summary>
    public long Step { get; private set; }

    /// <summary>Rollout steps of the run (<see cref="Options.TrainingOptions.MaxSteps"/>).</summary>
    public long TotalSteps { get; }

    /// <summary>Writes extra files into every checkpoint folder (the tokenizer, so a checkpoint is usable alone); null: none.</summary>
    public Action<string>? SaveAlongside { get; set; }

    /// <summary>Raised after every step with its diagnostics (the demo samples its curves here).</summary>
    public event Action<GrpoStepReport>? StepCompleted;

    /// <summary>
    /// Runs until <see cref="TotalSteps"/>, the KL budget (<see cref="GrpoTrainerOptions.KlBudget"/>; a resumed run starts
    /// a fresh trailing window) or cancellation, logging every <see cref="Options.TrainingOptions.LogEvery"/>
    /// steps to metrics.jsonl and TensorBoard in the output folder, writing a resumable <c>checkpoint-STEP</c> folder
    /// every <see cref="Options.TrainingOptions.CheckpointEvery"/> steps and at the end (policy in the Hugging Face
    /// layout; see <see cref="SaveCheckpoint"/>). A cancelled run writes no checkpoint, like a killed one.
    /// </summary>
    public GrpoTrainingResult Run(CancellationToken cancellation = default)
    {
        var output = Options.Training.OutputDirectory;
        if (Step >= TotalSteps && resumedFrom is not null)
        {
            progress.Message(ResumeCheck.FinishedMessage(output, resumedFrom, Step, TotalSteps));
            return new GrpoTrainingResult(Step, false, resumedFrom, []);
        }
        Directory.CreateDirectory(output);
        using var metrics = new MetricsJsonlWriter(Path.Combine(output, MetricsJsonlWriter.FileName));
        using var tensorBoard = new TensorBoardWriter(output);
        if (Step == 0) TorchSharp.torch.manual_seed(Options.Training.Seed);
        var reports = new List<GrpoStepReport>();
        var started = DateTime.UtcNow;
        var budget = Options.KlBudget is { } nats ? new KlBudget(nats, Options.KlBudgetWindow) : null;
        var stoppedAtBudget = false;
        string? checkpoint = null;
        var saveEvery = Options.Training.CheckpointEvery;
        while (Step < TotalSteps && !stoppedAtBudget)
        {
            if (cancellation.IsCancellationRequested) { progress.Finish(); return new GrpoTrainingResult(Step, true, checkpoint, reports); }
            var report = TrainStep();
            reports.Add(report);
            lastLoss = report.Loss;
            StepCompleted?.Invoke(report);
            stoppedAtBudget = budget?.Observe(report.Diagnostics.SequenceKl) == true;
            if (Step % Options.Training.LogEvery == 0 || Step == TotalSteps || stoppedAtBudget)
            {
                var values = report.ToMetrics();
                metrics.Write(Step, "train", values);
                tensorBoard.WriteScalars(Step, values.Select(v => new KeyValuePair<string, double>($"train/{v.Key}", v.Value)));
                var perStep = (DateTime.UtcNow - started).TotalSeconds / reports.Count;
                progress.Report(Step, TotalSteps, report.Loss, report.LearningRate,
                    report.TrainedTokens / Math.Max(report.TrainingSeconds, 1e-9), TimeSpan.FromSeconds(perStep * (TotalSteps - Step)));
            }
            if ((saveEvery > 0 && Step % saveEvery == 0) || Step == TotalSteps || stoppedAtBudget) checkpoint = SaveCheckpoint();
        }
        progress.Finish();
        if (stoppedAtBudget)
            progress.Message(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"stopped at step {Step}: the mean sequence KL of the last {budget!.Window} rollouts, {budget.TrailingMean:F3} nats, reached the budget of {budget.Budget} nats"));
        return new GrpoTrainingResult(Step, false, checkpoint ?? CheckpointFolders.Latest(output), reports) { StoppedAtKlBudget = stoppedAtBudget };
    }

    /// <summary>The next B prompts of the shuffled cycle (reshuffled after each pass).</summary>
    private List<GrpoPrompt> NextPrompts() => order.Next(Options.PromptsPerStep).Select(i => prompts[i]).ToList();

    public void Dispose() => Optimizer.Dispose();
}
