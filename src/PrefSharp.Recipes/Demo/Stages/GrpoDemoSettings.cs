namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Size of the demo's online stages (grpo and pref-grpo get the same, so their compute is equal: same steps, group
/// size, prompts and completion budget). <see cref="Quick"/> fits the ≤ 35 s budget per stage on a 2-core machine.
/// </summary>
public sealed record GrpoDemoSettings
{
    public int Steps { get; init; } = 60;
    public int GroupSize { get; init; } = 8;
    public int PromptsPerStep { get; init; } = 4;
    public int MaxNewTokens { get; init; } = 12;
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Updates per rollout μ.</summary>
    public int Iterations { get; init; } = 2;

    /// <summary>
    /// KL penalty β (k3, Shao et al. 2024 Eq. 4). TRL's default is 0; the demo keeps 0.1 so that both runs stay at
    /// comparable KL (measured, sorting world, quick: β = 0 drove both to ≈ 32 nats within 60 steps).
    /// </summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>
    /// KL budget in nats (sequence-level, to the SFT policy): the stage keeps the policy of the step at which the trailing
    /// KL of its rollouts reached it (<see cref="Torch.Training.Rollouts.KlBudget"/>). Fixed in advance, never tuned on gold: 1 nat
    /// is where the quick lexicon run (seed 0) was still on the rising side of its gold curve.
    /// </summary>
    public double KlBudget { get; init; } = 1.0;

    /// <summary>Points of the over-optimisation curve after step 0 (each the mean of its window of steps).</summary>
    public int CurvePoints { get; init; } = 6;

    /// <summary>Also run GRPO on a worst-case ensemble of proxies and on the PAR-shaped proxy (same budget each) in the grpo stage.</summary>
    public bool Variants { get; init; } = true;

    /// <summary>Training prompts drawn from the world.</summary>
    public int Prompts { get; init; } = 256;

    /// <summary>libtorch intra-op threads while the stage runs (1: tiny tensors, busy machine; 0 leaves the setting).</summary>
    public int Threads { get; init; } = 1;

    public static GrpoDemoSettings Quick { get; } = new();

    public static GrpoDemoSettings Default { get; } = new() { Steps = 200, CurvePoints = 10, Prompts = 1024 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting.</summary>
    public GrpoDemoSettings Validate()
    {
        if (Steps < 1) throw new ArgumentException($"must be ≥ 1, found {Steps}", nameof(Steps));
        if (CurvePoints < 1 || CurvePoints > Steps) throw new ArgumentException($"must be in [1, Steps = {Steps}], found {CurvePoints}", nameof(CurvePoints));
        if (Prompts < PromptsPerStep) throw new ArgumentException($"must be ≥ PromptsPerStep = {PromptsPerStep}, found {Prompts}", nameof(Prompts));
        if (!(KlBudget > 0) || double.IsInfinity(KlBudget)) throw new ArgumentException($"must be finite and > 0 nats, found {KlBudget}", nameof(KlBudget));
        if (Threads < 0) throw new ArgumentException($"must be ≥ 0, found {Threads}", nameof(Threads));
        return this;
    }
}
