using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// Options of <see cref="NashMdTrainer"/>. Defaults are TRL's <c>NashMDConfig</c>: KL coefficient τ = 0.1 (TRL
/// <c>beta</c>), mixture coefficient β = 0.5 (TRL <c>mixture_coef</c>), one policy sample and one opponent per prompt;
/// <see cref="Training"/> carries the shared loop's options (AdamW, schedule, clipping, seed, output folder).
/// </summary>
public sealed record NashMdOptions
{
    /// <summary>τ, the KL(π_θ ‖ π_ref) coefficient of the regularised game (Munos et al. 2024, Sec. 3). ≥ 0.</summary>
    public double Tau { get; init; } = 0.1;

    /// <summary>β of the opponent π_θ^(1−β)·π_ref^β, in [0, 1] (0: self-play against the policy, 1: the reference).</summary>
    public double MixtureCoefficient { get; init; } = 0.5;

    /// <summary>B, prompts per step, each with one policy sample and one opponent sample. ≥ 1.</summary>
    public int PromptsPerStep { get; init; } = 8;

    /// <summary>Most tokens per completion. ≥ 1.</summary>
    public int MaxCompletionLength { get; init; } = 64;

    /// <summary>Sampling temperature of both samples. &gt; 0.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Completions per forward/backward pass of the update (gradients summed exactly). ≥ 1.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>Token ids that end a completion besides the model's EOS (a chat template's end-of-turn).</summary>
    public IReadOnlyList<long> StopTokenIds { get; init; } = [];

    /// <summary>Padding id of prompts and completions.</summary>
    public long PadTokenId { get; init; }

    /// <summary>Shared-loop options; <see cref="TrainingOptions.MaxSteps"/> is the number of sampling steps.</summary>
    public TrainingOptions Training { get; init; } = new()
    {
        LearningRate = 5e-7, WeightDecay = 0, Schedule = LearningRateSchedule.Constant, LogEvery = 1, MaxSteps = 100,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public NashMdOptions Validate()
    {
        if (!(Tau >= 0) || double.IsInfinity(Tau)) throw new ArgumentException($"must be finite and ≥ 0, found {Tau}", nameof(Tau));
        if (!(MixtureCoefficient is >= 0 and <= 1)) throw new ArgumentException($"must be in [0, 1], found {MixtureCoefficient}", nameof(MixtureCoefficient));
        if (PromptsPerStep < 1) throw new ArgumentException($"must be ≥ 1, found {PromptsPerStep}", nameof(PromptsPerStep));
        if (MaxCompletionLength < 1) throw new ArgumentException($"must be ≥ 1, found {MaxCompletionLength}", nameof(MaxCompletionLength));
        if (!(Temperature > 0) || double.IsInfinity(Temperature)) throw new ArgumentException($"must be finite and > 0, found {Temperature}", nameof(Temperature));
        if (MicroBatchSize < 1) throw new ArgumentException($"must be ≥ 1, found {MicroBatchSize}", nameof(MicroBatchSize));
        if (Training.MaxSteps is null) throw new ArgumentException("Training.MaxSteps must be set: it is the number of sampling steps", nameof(Training));
        Training.Validate();
        return this;
    }
}
