namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Size of the demo's DPO stage: on-policy rounds of (sample pairs from the current policy on fresh world prompts →
/// label them with the run's simulated annotators → DPO against the SFT policy). One round is offline DPO on SFT
/// samples; more rounds are iterative, on-policy DPO (Xiong et al. 2024; DNO, Rosset et al. 2024, Alg. 2, with a
/// pairwise preference oracle). <see cref="Quick"/> fits the ≤ 30 s budget on a 2-core machine.
/// </summary>
public sealed record DpoStageSettings
{
    /// <summary>Sampling-labelling-training rounds. ≥ 1.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Fresh world prompts per round; each gets <see cref="SamplesPerPrompt"/> samples. ≥ 1.</summary>
    public int PromptsPerRound { get; init; } = 400;

    /// <summary>
    /// Samples per prompt K; the annotators compare every pair of them and the best is paired with the worst by win rate
    /// (DNO, Alg. 2). With K = 2 that is the one pair. ≥ 2.
    /// </summary>
    public int SamplesPerPrompt { get; init; } = 2;

    /// <summary>Annotator votes per pair (the label is the majority). ≥ 1.</summary>
    public int Votes { get; init; } = 9;

    /// <summary>
    /// Pairs whose majority is smaller than this many votes are dropped (the margin filter: a win-rate gap below
    /// MinVoteMargin / Votes). In [1, Votes].
    /// </summary>
    public int MinVoteMargin { get; init; } = 3;

    /// <summary>Optimiser steps per round. ≥ 1.</summary>
    public int StepsPerRound { get; init; } = 50;

    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>
    /// DPO β. Default 0.5, not the paper's 0.1: the gym's labels are noisy (a Bradley–Terry annotator at temperature 1 on
    /// utilities in [0, 1]), and a stronger pull toward the SFT policy keeps the drift (KL) in check.
    /// </summary>
    public double Beta { get; init; } = 0.5;

    /// <summary>
    /// Weight α of the NLL term on the chosen response (RPO, Liu et al. 2024; the same combination as Pang et al. 2024: DPO + α·NLL, α = 1 in the paper); 0 is plain
    /// DPO. Measured on the sorting world (quick, seeds 0–2): plain DPO lowered gold (0.79 → 0.75 … 0.54) as chosen and
    /// rejected likelihoods fell together; with α = 1 gold rose by 0.02–0.04. ≥ 0.
    /// </summary>
    public double NllWeight { get; init; } = 1.0;

    /// <summary>Samples per held-out prompt when the policy is scored (the SFT stage's number, so gold_before matches its row).</summary>
    public int ScoreSamplesPerPrompt { get; init; } = 2;

    /// <summary>libtorch intra-op threads while the stage runs (tiny tensors: one is fastest on a busy machine).</summary>
    public int Threads { get; init; } = 1;

    public static DpoStageSettings Quick { get; } = new();

    public static DpoStageSettings Default { get; } = new() { Rounds = 4, PromptsPerRound = 1000, StepsPerRound = 120, ScoreSamplesPerPrompt = 4 };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public DpoStageSettings Validate()
    {
        void Check(bool ok, string name, string range)
        {
            if (!ok) throw new ArgumentException($"DpoStageSettings.{name} {range}", name);
        }
        Check(Rounds >= 1, nameof(Rounds), "must be ≥ 1");
        Check(PromptsPerRound >= 1, nameof(PromptsPerRound), "must be ≥ 1");
        Check(SamplesPerPrompt >= 2, nameof(SamplesPerPrompt), "must be ≥ 2");
        Check(Votes >= 1 && MinVoteMargin >= 1 && MinVoteMargin <= Votes, nameof(MinVoteMargin), "must be in [1, Votes] (Votes ≥ 1)");
        Check(StepsPerRound >= 1 && BatchSize >= 1, nameof(StepsPerRound), "and BatchSize must be ≥ 1");
        Check(LearningRate > 0 && Beta > 0, nameof(LearningRate), "and Beta must be > 0");
        Check(NllWeight >= 0 && double.IsFinite(NllWeight), nameof(NllWeight), "must be ≥ 0");
        Check(ScoreSamplesPerPrompt >= 1 && Threads >= 0, nameof(ScoreSamplesPerPrompt), "must be ≥ 1 (Threads ≥ 0)");
        return this;
    }
}
