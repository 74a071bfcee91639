using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Optimization;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Online GRPO (Shao et al. 2024, "DeepSeekMath", Algorithm 1) and its pairwise variant Pref-GRPO (Wang et al. 2025)
/// on prompt-only data. Each step: sample G completions for B prompts (<see cref="GrpoRollout"/>), score them with an
/// <see cref="IGroupRewardSource"/> (a reward model or function, or group win rates from a preference model or
/// judge), turn rewards into group-relative advantages (<see cref="GroupAdvantages"/>), then take μ optimiser updates
/// of the clipped surrogate (<see cref="GrpoLoss"/>) on those samples. With <see cref="AdvantageEstimator.LeaveOneOut"/>
/// the advantages are RLOO's (Ahmadian et al. 2024, Eq. 6; <see cref="LeaveOneOutAdvantages"/>), the rest unchanged.
/// It runs on the shared <see cref="Trainer{TBatch}"/>: <see cref="GrpoRolloutSource"/> feeds one rollout's
/// micro-batches per step (the loop's accumulation), <see cref="GrpoObjective"/> is the loss, and the loop takes μ
/// updates per step (<see cref="Trainer{TBatch}.UpdatesPerStep"/>). Optimiser, schedule, clipping, non-finite guard,
/// metrics.jsonl / TensorBoard logging, progress line and atomic resumable checkpoints are therefore the loop's, and a
/// resumed run ends bit-identical to an uninterrupted one (GrpoTrainer.Checkpoints.cs).
/// Diagnostics every step: gold and proxy reward, KL to the reference, entropy, distinct-n, self-BLEU, zero-spread
/// fraction, clip fraction, illusory advantage (<see cref="Diagnostics.GrpoStepDiagnostics"/>).
/// </summary>
public sealed partial class GrpoTrainer : IDisposable
{
    private readonly GrpoRolloutSource source;
    private readonly Trainer<GrpoMicroBatch> loop;
    private readonly ProgressReporter progress;
    private GrpoStepReport? lastReport;

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
        Rollouts.RolloutSampler.CheckPrompts(prompts);
        if ((options.Loss.Beta > 0 || options.KlBudget is not null) && reference is null)
            throw new ArgumentException($"Beta = {options.Loss.Beta} and KlBudget = {options.KlBudget} need a reference model to measure KL against", nameof(reference));
        this.progress = progress ?? ProgressReporter.ForConsole();
        source = new GrpoRolloutSource(policy, reference, reward, prompts, decode, gold, Options, () => loop!.Step);
        var lossOptions = Options.Loss.MaxCompletionLength > 0 ? Options.Loss : Options.Loss with { MaxCompletionLength = Options.MaxCompletionLength };
        loop = new Trainer<GrpoMicroBatch>(TrainableModel.FromCausalLM(policy, folder => SaveAlongside?.Invoke(folder)),
            new GrpoObjective(policy, lossOptions, Options.Iterations), source,
            Options.Training with { GradientAccumulation = source.MicroBatchesPerRollout },
            countTokens: batch => batch.Rows.AttentionMask.sum().item<long>(), progress: this.progress)
        {
            UpdatesPerStep = Options.Iterations, SavedOptions = Options,
        };
        loop.LogValues = () => lastReport!.ToMetrics();
    }

    /// <summary>The validated options.</summary>
    public GrpoTrainerOptions Options { get; }

    /// <summary>The shared AdamW.</summary>
    public AdamW Optimizer => loop.Optimizer;

    /// <summary>Rollout steps completed.</summary>
    public long Step => loop.Step;

    /// <summary>Rollout steps of the run (<see cref="Options.TrainingOptions.MaxSteps"/>).</summary>
    public long TotalSteps => loop.TotalSteps;

    /// <summary>Writes extra files into every checkpoint folder (the tokenizer, so a checkpoint is usable alone); null: none.</summary>
    public Action<string>? SaveAlongside { get; set; }

    /// <summary>Raised after every step with its diagnostics (the demo samples its curves here).</summary>
    public event Action<GrpoStepReport>? StepCompleted;

    /// <summary>One rollout step: generate, score, advantages, μ updates; returns its report (no files written).</summary>
    public GrpoStepReport TrainStep() => Report(loop.TrainStep());

    /// <summary>The loop's step report joined with its rollout's diagnostics and timings.</summary>
    private GrpoStepReport Report(StepReport step)
    {
        var rollout = source.Current!;
        lastReport = new GrpoStepReport(step.Step, rollout.Finish(Options.Iterations), step.Loss, step.GradNorm, step.LearningRate,
            rollout.GenerationSeconds, rollout.ScoringSeconds, rollout.TrainingClock.Elapsed.TotalSeconds,
            rollout.GeneratedTokens, rollout.ScoredTokens, step.Tokens);
        return lastReport;
    }

    public void Dispose() => loop.Dispose();
}
