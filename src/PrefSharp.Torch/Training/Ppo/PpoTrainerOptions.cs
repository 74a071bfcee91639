using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Options of <see cref="PpoTrainer"/>. Defaults are TRL's PPOConfig: 4 PPO epochs over each rollout in 1 mini-batch,
/// γ = 1, λ = 0.95, KL coefficient β = 0.05 (k1 in the reward), ε = 0.2, value clip 0.2, value coefficient 0.1,
/// sampling temperature 0.7, 53 completion tokens, learning rate 3e-6; advantages whitened. P3O samples two
/// completions per prompt and ignores γ, λ and the value options.
/// </summary>
public sealed record PpoTrainerOptions
{
    /// <summary>PPO with a value model or P3O.</summary>
    public PpoAlgorithm Algorithm { get; init; } = PpoAlgorithm.Ppo;

    /// <summary>P3O's clipped objective (separate or joint).</summary>
    public P3oClipping P3oClipping { get; init; } = P3oClipping.Separate;

    /// <summary>Prompts per rollout step. ≥ 1.</summary>
    public int PromptsPerStep { get; init; } = 8;

    /// <summary>Most tokens per completion (TRL <c>response_length</c>). ≥ 1.</summary>
    public int MaxCompletionLength { get; init; } = 53;

    /// <summary>Sampling temperature. &gt; 0.</summary>
    public double Temperature { get; init; } = 0.7;

    /// <summary>Top-k of sampling; 0 = off.</summary>
    public int TopK { get; init; }

    /// <summary>Nucleus p of sampling; 1 = off.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>β, weight of the per-token KL penalty −β·(log π_old − log π_ref) in the reward (TRL <c>kl_coef</c>). ≥ 0.</summary>
    public double KlCoefficient { get; init; } = 0.05;

    /// <summary>γ, discount over completion tokens. In [0, 1].</summary>
    public double Gamma { get; init; } = 1.0;

    /// <summary>λ of GAE. In [0, 1].</summary>
    public double Lambda { get; init; } = 0.95;

    /// <summary>Whiten the advantages over all completion tokens of the rollout (TRL and OpenRLHF do).</summary>
    public bool WhitenAdvantages { get; init; } = true;

    /// <summary>The clipped policy and value losses.</summary>
    public PpoLossOptions Loss { get; init; } = new();

    /// <summary>PPO epochs: passes over each rollout (TRL <c>num_ppo_epochs</c>). ≥ 1.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Mini-batches per epoch, one optimiser update each (TRL <c>num_mini_batches</c>). ≥ 1.</summary>
    public int MiniBatches { get; init; } = 1;

    /// <summary>Completions per forward/backward pass (gradients summed exactly); even for P3O. ≥ 1.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>Token ids that end a completion besides the model's EOS.</summary>
    public IReadOnlyList<long> StopTokenIds { get; init; } = [];

    /// <summary>Padding id of prompts and completions.</summary>
    public long PadTokenId { get; init; }

    /// <summary>
    /// Stop when the trailing mean of the rollouts' sequence KL (k1, <see cref="PpoStepDiagnostics.SequenceKl"/>) reaches
    /// this many nats (<see cref="Rollouts.KlBudget"/>, as GRPO's); null: run all steps. Puts PPO and GRPO runs at the
    /// same KL whatever their penalties, which differ in kind (k1 in PPO's reward, k3 in GRPO's loss).
    /// </summary>
    public double? KlBudget { get; init; }

    /// <summary>Steps in the trailing mean that <see cref="KlBudget"/> compares with the budget. ≥ 1.</summary>
    public int KlBudgetWindow { get; init; } = Rollouts.KlBudget.DefaultWindow;

    /// <summary>Shared-loop options; <see cref="TrainingOptions.MaxSteps"/> is the number of rollout steps.</summary>
    public TrainingOptions Training { get; init; } = new()
    {
        LearningRate = 3e-6, WeightDecay = 0, Schedule = LearningRateSchedule.Constant, LogEvery = 1, MaxSteps = 100,
    };

    /// <summary>Completions per prompt: 1 for PPO, 2 for P3O.</summary>
    public int SamplesPerPrompt => Algorithm == PpoAlgorithm.P3o ? 2 : 1;

    /// <summary>Micro-batches of one rollout: ⌈rows / micro-batch size⌉.</summary>
    public int MicroBatchesPerRollout => (PromptsPerStep * SamplesPerPrompt + MicroBatchSize - 1) / MicroBatchSize;

    /// <summary>The sampler's settings.</summary>
    public RolloutSampling Sampling => new(SamplesPerPrompt, PromptsPerStep, MaxCompletionLength, Temperature, TopK, TopP,
        StopTokenIds, PadTokenId, Training.Seed, Training.OutputDirectory);

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public PpoTrainerOptions Validate()
    {
        if (!Enum.IsDefined(Algorithm)) throw new ArgumentException($"unknown value {Algorithm}", nameof(Algorithm));
        if (!Enum.IsDefined(P3oClipping)) throw new ArgumentException($"unknown value {P3oClipping}", nameof(P3oClipping));
        if (PromptsPerStep < 1) throw new ArgumentException($"must be ≥ 1, found {PromptsPerStep}", nameof(PromptsPerStep));
        if (MaxCompletionLength < 1) throw new ArgumentException($"must be ≥ 1, found {MaxCompletionLength}", nameof(MaxCompletionLength));
        if (!(Temperature > 0) || double.IsInfinity(Temperature)) throw new ArgumentException($"must be finite and > 0, found {Temperature}", nameof(Temperature));
        if (TopK < 0) throw new ArgumentException($"must be ≥ 0 (0 = off), found {TopK}", nameof(TopK));
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentException($"must be in (0, 1], found {TopP}", nameof(TopP));
        if (!(KlCoefficient >= 0) || double.IsInfinity(KlCoefficient)) throw new ArgumentException($"must be finite and ≥ 0, found {KlCoefficient}", nameof(KlCoefficient));
        if (!(Gamma is >= 0 and <= 1)) throw new ArgumentException($"must be in [0, 1], found {Gamma}", nameof(Gamma));
        if (!(Lambda is >= 0 and <= 1)) throw new ArgumentException($"must be in [0, 1], found {Lambda}", nameof(Lambda));
        Loss.Validate();
        if (KlBudget is { } budget && (!(budget > 0) || double.IsInfinity(budget))) throw new ArgumentException($"must be finite and > 0 nats, found {budget}", nameof(KlBudget));
        if (KlBudgetWindow < 1) throw new ArgumentException($"must be ≥ 1, found {KlBudgetWindow}", nameof(KlBudgetWindow));
        if (Epochs < 1) throw new ArgumentException($"must be ≥ 1, found {Epochs}", nameof(Epochs));
        if (MicroBatchSize < 1) throw new ArgumentException($"must be ≥ 1, found {MicroBatchSize}", nameof(MicroBatchSize));
        if (Algorithm == PpoAlgorithm.P3o && MicroBatchSize % 2 != 0)
            throw new ArgumentException($"must be even for P3O (a pair stays in one micro-batch), found {MicroBatchSize}", nameof(MicroBatchSize));
        if (MiniBatches < 1 || MiniBatches > MicroBatchesPerRollout)
            throw new ArgumentException($"must be in [1, {MicroBatchesPerRollout}] (the micro-batches of a rollout), found {MiniBatches}", nameof(MiniBatches));
        if (Training.MaxSteps is null) throw new ArgumentException("Training.MaxSteps must be set: it is the number of rollout steps", nameof(Training));
        Training.Validate();
        return this;
    }
}
