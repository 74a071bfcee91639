using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// Iterative on-policy DPO (<see cref="OnlineDpo"/>): per round, K samples per prompt from the current policy, pairs
/// chosen from the labeller's scores (<see cref="PairSelection"/>), optionally CREAM-regularised, and one
/// <see cref="DpoTrainer"/> run with <see cref="Dpo"/> and <see cref="Training"/>.
/// </summary>
public sealed record OnlineDpoOptions
{
    /// <summary>Samples per prompt K. ≥ 2. Default 2 (one pair per prompt, as in iterative DPO; DNO uses 5).</summary>
    public int SamplesPerPrompt { get; init; } = 2;

    /// <summary>Best-vs-worst (DNO) or rejection-sampled pairs (RSO). Default best-vs-worst.</summary>
    public PairSelection Pairs { get; init; } = PairSelection.BestWorst;

    /// <summary>Margin filter: pairs whose score gap (chosen − rejected) is below this are dropped. ≥ 0. Default 0.</summary>
    public double MinMargin { get; init; }

    /// <summary>RSO: β of the target π·exp(r/β)/Z; null uses the DPO loss β (the policy DPO with that β is optimal for). &gt; 0.</summary>
    public double? RsoBeta { get; init; }

    /// <summary>RSO: samples accepted per prompt, paired in acceptance order. Even, in [2, K]. Default 2.</summary>
    public int RsoAccepted { get; init; } = 2;

    /// <summary>CREAM consistency regularisation between rounds. Default off.</summary>
    public CreamMode Cream { get; init; } = CreamMode.Off;

    /// <summary>Use the policy as it is at the start of each round as that round's reference (DNO, Alg. 2) instead of a fixed one. Default false.</summary>
    public bool RefreshReference { get; init; }

    /// <summary>
    /// APO's Nesterov momentum α (He et al. 2024, Alg. 1; <see cref="NesterovExtrapolation"/>): after each round the policy
    /// moves on to θ̂_{t+1} + α·(θ̂_{t+1} − θ̂_t). In [0, 1); 0 is off (the default), the paper uses 0.3. Needs
    /// <see cref="RefreshReference"/>: APO's round is a proximal step from the policy the round starts with.
    /// </summary>
    public double Momentum { get; init; }

    /// <summary>Most new tokens per sample. ≥ 1. Default 24 (the gym's responses are a few words).</summary>
    public int MaxNewTokens { get; init; } = 24;

    /// <summary>Seed of sampling (round r samples with Seed + 1000·r) and of training (Seed + r − 1).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Loss list, β, reference mode of each round's DPO run.</summary>
    public DpoOptions Dpo { get; init; } = new();

    /// <summary>Each round's training run; its output folder is the root, round r writes to <c>round-r</c> in it.</summary>
    public TrainingOptions Training { get; init; } = new() { CheckpointEvery = 0, KeepLastCheckpoints = 1 };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public OnlineDpoOptions Validate()
    {
        void Check(bool ok, string name, string range)
        {
            if (!ok) throw new ArgumentException($"OnlineDpoOptions.{name} {range}", name);
        }
        Check(SamplesPerPrompt >= 2, nameof(SamplesPerPrompt), $"must be ≥ 2, found {SamplesPerPrompt}");
        Check(MinMargin >= 0 && double.IsFinite(MinMargin), nameof(MinMargin), $"must be finite and ≥ 0, found {MinMargin}");
        Check(RsoBeta is null || (RsoBeta > 0 && double.IsFinite(RsoBeta.Value)), nameof(RsoBeta), $"must be finite and > 0, found {RsoBeta}");
        Check(Pairs != PairSelection.Rso || (RsoAccepted >= 2 && RsoAccepted % 2 == 0 && RsoAccepted <= SamplesPerPrompt),
            nameof(RsoAccepted), $"must be even and in [2, SamplesPerPrompt = {SamplesPerPrompt}], found {RsoAccepted}");
        Check(Momentum >= 0 && Momentum < 1, nameof(Momentum), $"must be in [0, 1), found {Momentum}");
        Check(Momentum == 0 || RefreshReference, nameof(Momentum), "needs RefreshReference: APO's rounds are proximal steps from the policy each round starts with");
        Check(MaxNewTokens >= 1, nameof(MaxNewTokens), $"must be ≥ 1, found {MaxNewTokens}");
        Check(Cream == CreamMode.Off || Dpo.Losses.Any(l => l.Type == Losses.Preference.PreferenceLossType.Sigmoid), nameof(Cream),
            "needs the sigmoid (DPO) loss in the loss list: CREAM's loss is DPO with a soft label");
        Dpo.Validate();
        return this;
    }
}
