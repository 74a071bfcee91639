namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Hyper-parameters of the preference losses. Defaults are TRL's DPOConfig defaults, which follow the papers
/// (β = 0.1 as in DPO §6); where a paper recommends another value it is in that loss's doc and in docs/papers.md.
/// </summary>
public sealed record PreferenceLossOptions
{
    /// <summary>β: inverse temperature of the implicit reward (DPO), τ of IPO, λ of ORPO. Default 0.1.</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>ε: assumed label-flip rate for cDPO (sigmoid) and rDPO (robust), in [0, 0.5). Default 0.</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>ε of EXO's smoothed target distribution, in (0, 0.5). Default 1e-3 (TRL).</summary>
    public double ExoEpsilon { get; init; } = 1e-3;

    /// <summary>τ of DiscoPOP's mixing sigmoid. Default 0.05 (DiscoPOP Eq. 5).</summary>
    public double DiscoPopTau { get; init; } = 0.05;

    /// <summary>γ: SimPO's target reward margin (in reward units). Default 0.5 (TRL's simpo_gamma).</summary>
    public double SimPoGamma { get; init; } = 0.5;

    /// <summary>α of VPO's value term: &gt; 0 pessimism (offline), &lt; 0 optimism (online), 0 = DPO. Default 0.1 (the paper tunes it).</summary>
    public double VpoAlpha { get; init; } = 0.1;

    /// <summary>Weight of the NLL term of CPO. Default 1 (TRL's cpo_alpha).</summary>
    public double CpoAlpha { get; init; } = 1.0;

    /// <summary>λ of CPL: the conservative bias on the rejected segment's score, in (0, 1] (1 = unbiased). Default 0.5 (Hejna et al.'s experiments).</summary>
    public double CplLambda { get; init; } = 0.5;

    /// <summary>α of LD-DPO: weight of the tokens beyond the shorter response's length, in [0, 1] (1 = DPO). Default 0.5.</summary>
    public double LdAlpha { get; init; } = 0.5;

    /// <summary>Divergence of the f-DPO loss. Default reverse KL (= DPO).</summary>
    public FDivergenceKind FDivergence { get; init; } = FDivergenceKind.ReverseKl;

    /// <summary>α of the α-divergence, &gt; 0. Default 1 (TRL's alpha_divergence_coef).</summary>
    public double FDivergenceAlpha { get; init; } = 1.0;

    /// <summary>λ_D: KTO weight of desirable examples. Default 1 (KTO).</summary>
    public double KtoDesirableWeight { get; init; } = 1.0;

    /// <summary>λ_U: KTO weight of undesirable examples. Default 1 (KTO).</summary>
    public double KtoUndesirableWeight { get; init; } = 1.0;

    /// <summary>w of MM-RLHF's dynamic reward scaling β_i = β·(1 + w·(1 − e^{−k·δ_i})). Default 0.5.</summary>
    public double DynamicBetaWeight { get; init; } = 0.5;

    /// <summary>k of MM-RLHF's dynamic reward scaling. Default 0.5.</summary>
    public double DynamicBetaRate { get; init; } = 0.5;

    /// <summary>iREPO clamps soft labels to [ε, 1 − ε] before taking their logit. Default 1e-3.</summary>
    public double SoftLabelClamp { get; init; } = 1e-3;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option out of its range.</summary>
    public PreferenceLossOptions Validate()
    {
        Check(Beta > 0 && double.IsFinite(Beta), nameof(Beta), "must be a finite number > 0");
        Check(LabelSmoothing is >= 0 and < 0.5, nameof(LabelSmoothing), "must be in [0, 0.5)");
        Check(ExoEpsilon is > 0 and < 0.5, nameof(ExoEpsilon), "must be in (0, 0.5)");
        Check(DiscoPopTau > 0 && double.IsFinite(DiscoPopTau), nameof(DiscoPopTau), "must be > 0");
        Check(double.IsFinite(SimPoGamma), nameof(SimPoGamma), "must be finite");
        Check(CpoAlpha >= 0 && double.IsFinite(CpoAlpha), nameof(CpoAlpha), "must be ≥ 0");
        Check(CplLambda is > 0 and <= 1, nameof(CplLambda), "must be in (0, 1]");
        Check(double.IsFinite(VpoAlpha), nameof(VpoAlpha), "must be finite");
        Check(LdAlpha is >= 0 and <= 1, nameof(LdAlpha), "must be in [0, 1]");
        Check(FDivergenceAlpha > 0 && double.IsFinite(FDivergenceAlpha), nameof(FDivergenceAlpha), "must be > 0");
        Check(KtoDesirableWeight >= 0 && KtoUndesirableWeight >= 0, nameof(KtoDesirableWeight), "KTO weights must be ≥ 0");
        Check(DynamicBetaWeight >= 0 && DynamicBetaRate >= 0, nameof(DynamicBetaWeight), "w and k must be ≥ 0");
        Check(SoftLabelClamp is > 0 and < 0.5, nameof(SoftLabelClamp), "must be in (0, 0.5)");
        return this;
    }

    private static void Check(bool ok, string option, string range)
    {
        if (!ok) throw new ArgumentException($"PreferenceLossOptions.{option} {range}", option);
    }
}
