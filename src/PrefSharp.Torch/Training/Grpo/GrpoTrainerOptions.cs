using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// Options of <see cref="GrpoTrainer"/>. Defaults are TRL's GRPOConfig (v0.2x) where it has one: G = 8 generations per
/// prompt, 8 completions per device batch (so 1 prompt per step), max completion length 256, temperature 1, no top-k /
/// top-p, μ = 1 iteration per rollout, advantages scaled by the group std, and the loss defaults of
/// <see cref="GrpoLossOptions"/> (ε = 0.2, β = 0, "dapo"). <see cref="Training"/> carries the shared loop's options
/// (AdamW, schedule, clipping, seed, output folder) with TRL's learning rate 1e-6, no weight decay, no warm-up.
/// Departure: TRL decays the learning rate linearly; the shared schedule offers constant or cosine, constant here.
/// </summary>
public sealed record GrpoTrainerOptions
{
    /// <summary>G, completions sampled per prompt (TRL <c>num_generations</c>). ≥ 2.</summary>
    public int GroupSize { get; init; } = 8;

    /// <summary>B, prompts per rollout step. ≥ 1.</summary>
    public int PromptsPerStep { get; init; } = 1;

    /// <summary>Most tokens per completion (TRL <c>max_completion_length</c>). ≥ 1.</summary>
    public int MaxCompletionLength { get; init; } = 256;

    /// <summary>Sampling temperature. &gt; 0 (the rollout's log-probs are π_old only at the sampling temperature).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Top-k of sampling; 0 = off.</summary>
    public int TopK { get; init; }

    /// <summary>Nucleus p of sampling; 1 = off.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>μ, optimiser updates per rollout on the same samples (TRL <c>num_iterations</c>). ≥ 1.</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Completions per forward/backward pass during the update (gradients summed exactly). ≥ 1.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>GRPO's group baseline or RLOO's leave-one-out baseline.</summary>
    public AdvantageEstimator Estimator { get; init; } = AdvantageEstimator.Group;

    /// <summary>RiskPO's quantile levels, tail weight and bundle size, used when <see cref="Estimator"/> is <see cref="AdvantageEstimator.MixedValueAtRisk"/>.</summary>
    public MixedValueAtRiskOptions Risk { get; init; } = new();

    /// <summary>How advantages are scaled (TRL <c>scale_rewards</c>: group, batch, none).</summary>
    public AdvantageScaling Scaling { get; init; } = AdvantageScaling.Group;

    /// <summary>The clipped-surrogate loss (ε, β, aggregation, ratio level, entropy bonus).</summary>
    public GrpoLossOptions Loss { get; init; } = new();

    /// <summary>
    /// Leave out of the loss every completion that hit <see cref="MaxCompletionLength"/> without a stop token (DAPO, Yu
    /// et al. 2025, §3.4 "overlong filtering"; TRL <c>mask_truncated_completions</c>); its reward still enters the
    /// group's advantages. Off by default, as TRL.
    /// </summary>
    public bool MaskTruncatedCompletions { get; init; }

    /// <summary>Token ids that end a completion besides the model's EOS (a chat template's end-of-turn).</summary>
    public IReadOnlyList<long> StopTokenIds { get; init; } = [];

    /// <summary>Padding id of prompts and completions.</summary>
    public long PadTokenId { get; init; }

    /// <summary>
    /// Stop once the trailing mean of the rollouts' sequence-level KL to the reference reaches this many nats
    /// (<see cref="Rollouts.KlBudget"/>; needs a reference model); null: run all steps.
    /// </summary>
    public double? KlBudget { get; init; }

    /// <summary>Steps in the trailing mean that <see cref="KlBudget"/> compares with the budget. ≥ 1.</summary>
    public int KlBudgetWindow { get; init; } = Rollouts.KlBudget.DefaultWindow;

    /// <summary>Shared-loop options; <see cref="TrainingOptions.MaxSteps"/> is the number of rollout steps.</summary>
    public TrainingOptions Training { get; init; } = new()
    {
        LearningRate = 1e-6, WeightDecay = 0, Schedule = LearningRateSchedule.Constant, LogEvery = 1, MaxSteps = 100,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public GrpoTrainerOptions Validate()
    {
        if (GroupSize < 2) throw new ArgumentException($"must be ≥ 2 (a group of one has no relative advantage), found {GroupSize}", nameof(GroupSize));
        if (PromptsPerStep < 1) throw new ArgumentException($"must be ≥ 1, found {PromptsPerStep}", nameof(PromptsPerStep));
        if (MaxCompletionLength < 1) throw new ArgumentException($"must be ≥ 1, found {MaxCompletionLength}", nameof(MaxCompletionLength));
        if (!(Temperature > 0) || double.IsInfinity(Temperature)) throw new ArgumentException($"must be finite and > 0, found {Temperature}", nameof(Temperature));
        if (TopK < 0) throw new ArgumentException($"must be ≥ 0 (0 = off), found {TopK}", nameof(TopK));
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentException($"must be in (0, 1], found {TopP}", nameof(TopP));
        if (Iterations < 1) throw new ArgumentException($"must be ≥ 1, found {Iterations}", nameof(Iterations));
        if (MicroBatchSize < 1) throw new ArgumentException($"must be ≥ 1, found {MicroBatchSize}", nameof(MicroBatchSize));
        if (!Enum.IsDefined(Estimator)) throw new ArgumentException($"unknown value {Estimator}", nameof(Estimator));
        if (Estimator == AdvantageEstimator.MixedValueAtRisk) Risk.Validate(PromptsPerStep);
        if (!Enum.IsDefined(Scaling)) throw new ArgumentException($"unknown value {Scaling}", nameof(Scaling));
        if (KlBudget is { } budget && (!(budget > 0) || double.IsInfinity(budget))) throw new ArgumentException($"must be finite and > 0 nats, found {budget}", nameof(KlBudget));
        if (KlBudgetWindow < 1) throw new ArgumentException($"must be ≥ 1, found {KlBudgetWindow}", nameof(KlBudgetWindow));
        if (Training.MaxSteps is null) throw new ArgumentException("Training.MaxSteps must be set: it is the number of rollout steps", nameof(Training));
        Loss.Validate();
        Training.Validate();
        return this;
    }
}
