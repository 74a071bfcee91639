using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Online PPO with a value model in the classic RLHF recipe (Ziegler et al. 2019; Stiennon et al. 2020; Ouyang et al.
/// 2022; TRL's PPOTrainer), and its pairwise variant P3O (Wu et al. 2023). Each step: sample one completion per prompt
/// (two for P3O) for B prompts, score them with an <see cref="IGroupRewardSource"/>, fold the per-token KL penalty into
/// the reward (<see cref="TokenRewards"/>), compute GAE advantages and returns from the value model's predictions
/// (<see cref="Gae"/>) and whiten the advantages, then take <see cref="PpoTrainerOptions.Epochs"/> passes over the
/// rollout in <see cref="PpoTrainerOptions.MiniBatches"/> mini-batches, one optimiser update each, of the clipped
/// policy and value losses (<see cref="PpoLoss"/>). The value model is a head on the policy (<see cref="ValueHead"/>)
/// or a critic initialised from a reward model (<see cref="RewardModelCritic"/>), the two that "Unpacking DPO and PPO"
/// (Ivison et al. 2024) compares; policy and value share one AdamW.
/// It runs on the shared <see cref="Trainer{TBatch}"/> as <see cref="GrpoTrainer"/> does: <see cref="PpoRolloutSource"/>
/// feeds one rollout's micro-batches per step, <see cref="PpoObjective"/> is the loss, and the loop takes
/// epochs × mini-batches updates per step; checkpoints hold the policy, the value model, AdamW and the prompt position.
/// Departures: a mini-batch holds the same consecutive rows in every epoch (TRL reshuffles them per epoch), and policy
/// and value share one learning rate.
/// </summary>
public sealed partial class PpoTrainer : IDisposable
{
    private readonly PpoRolloutSource source;
    private readonly Trainer<PpoMicroBatch> loop;
    private readonly ProgressReporter progress;
    private PpoStepReport? lastReport;

    /// <param name="policy">The trained policy.</param>
    /// <param name="value">The value model (null for P3O, required for PPO).</param>
    /// <param name="prompts">Prompt-only training data, cycled in a seeded shuffled order.</param>
    /// <param name="reward">Where rewards come from.</param>
    /// <param name="decode">Completion token ids → text for the reward source.</param>
    /// <param name="options">Validated here.</param>
    /// <param name="reference">Frozen reference of the KL penalty (needed when β &gt; 0).</param>
    /// <param name="gold">The true utility u(x, y) when known (the gym), logged as reward/gold; never trained on.</param>
    /// <param name="progress">Where the progress line goes; null: stderr.</param>
    public PpoTrainer(ICausalLM policy, IValueModel? value, IReadOnlyList<GrpoPrompt> prompts, IGroupRewardSource reward,
        Func<IReadOnlyList<long>, string> decode, PpoTrainerOptions options, ICausalLM? reference = null,
        Func<string, string, double>? gold = null, ProgressReporter? progress = null)
    {
        Options = options.Validate();
        Rollouts.RolloutSampler.CheckPrompts(prompts);
        if (Options.Algorithm == PpoAlgorithm.Ppo && value is null) throw new ArgumentException("PPO needs a value model", nameof(value));
        if (Options.Algorithm == PpoAlgorithm.P3o) value = null;
        if ((Options.KlCoefficient > 0 || Options.KlBudget is not null) && reference is null)
            throw new ArgumentException($"KlCoefficient = {Options.KlCoefficient} and KlBudget = {Options.KlBudget} need a reference model to measure KL against", nameof(reference));
        this.progress = progress ?? ProgressReporter.ForConsole();
        source = new PpoRolloutSource(policy, reference, value, reward, prompts, decode, gold, Options, () => loop!.Step);
        loop = new Trainer<PpoMicroBatch>(PolicyWithValue.Trainable(policy, value, folder => SaveAlongside?.Invoke(folder)),
            new PpoObjective(policy, value, Options), source, Options.Training with { GradientAccumulation = Options.MicroBatchesPerRollout },
            countTokens: batch => batch.Rows.AttentionMask.sum().item<long>(), progress: this.progress)
        {
            UpdatesPerStep = Options.Epochs * Options.MiniBatches, MiniBatches = Options.MiniBatches, SavedOptions = Options,
        };
        loop.LogValues = () => lastReport!.ToMetrics();
    }

    /// <summary>The validated options.</summary>
    public PpoTrainerOptions Options { get; }

    /// <summary>Rollout steps completed.</summary>
    public long Step => loop.Step;

    /// <summary>Rollout steps of the run.</summary>
    public long TotalSteps => loop.TotalSteps;

    /// <summary>Writes extra files into every checkpoint folder (the tokenizer); null: none.</summary>
    public Action<string>? SaveAlongside { get; set; }

    /// <summary>Raised after every step with its diagnostics.</summary>
    public event Action<PpoStepReport>? StepCompleted;

    /// <summary>One rollout step: generate, score, advantages, epochs × mini-batches updates; returns its report (no files written).</summary>
    public PpoStepReport TrainStep() => Report(loop.TrainStep());

    private PpoStepReport Report(StepReport step)
    {
        var rollout = source.Current!;
        lastReport = new PpoStepReport(step.Step, rollout.Finish(Options.Epochs, Options.Algorithm), step.Loss, step.GradNorm,
            step.LearningRate, rollout.Scored.GenerationSeconds, rollout.Scored.ScoringSeconds, rollout.TrainingClock.Elapsed.TotalSeconds);
        return lastReport;
    }

    public void Dispose() => loop.Dispose();
}
