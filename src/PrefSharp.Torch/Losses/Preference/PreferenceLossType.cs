namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// The pairwise preference losses, named as TRL's <c>loss_type</c> where TRL has the loss (sigmoid, hinge, ipo, …).
/// <see cref="PreferenceLoss.Compute(PreferenceLossType, PreferenceLossInputs, PreferenceLossOptions)"/> dispatches
/// on this enum; each member's formula, paper and defaults are in the doc of the class it names.
/// </summary>
public enum PreferenceLossType
{
    /// <summary>DPO with optional label smoothing (cDPO): <see cref="SigmoidLoss"/>.</summary>
    Sigmoid,
    /// <summary>Robust DPO (rDPO): <see cref="RobustLoss"/>.</summary>
    Robust,
    /// <summary>SLiC / RSO hinge: <see cref="HingeLoss"/>.</summary>
    Hinge,
    /// <summary>IPO on per-token-averaged log-ratios: <see cref="IpoLoss"/>.</summary>
    Ipo,
    /// <summary>EXO, pairwise form: <see cref="ExoPairLoss"/>.</summary>
    ExoPair,
    /// <summary>NCA, pairwise form: <see cref="NcaPairLoss"/>.</summary>
    NcaPair,
    /// <summary>BCO, pairwise form: <see cref="BcoPairLoss"/>.</summary>
    BcoPair,
    /// <summary>SPPO with hard labels: <see cref="SppoHardLoss"/>.</summary>
    SppoHard,
    /// <summary>AOT, paired: <see cref="AotLoss"/>.</summary>
    Aot,
    /// <summary>AOT, unpaired: <see cref="AotUnpairedLoss"/>.</summary>
    AotUnpaired,
    /// <summary>APO-zero: <see cref="ApoZeroLoss"/>.</summary>
    ApoZero,
    /// <summary>APO-down: <see cref="ApoDownLoss"/>.</summary>
    ApoDown,
    /// <summary>DiscoPOP: <see cref="DiscoPopLoss"/>.</summary>
    DiscoPop,
    /// <summary>NLL of the chosen response (the α·NLL term of RPO): <see cref="SftLoss"/>.</summary>
    Sft,
    /// <summary>DPO on per-token-averaged log-ratios: <see cref="SigmoidNormLoss"/>.</summary>
    SigmoidNorm,
    /// <summary>SimPO (reference-free, length-normalised, margin γ): <see cref="SimPoLoss"/>.</summary>
    SimPo,
    /// <summary>ORPO (odds ratio, no reference): <see cref="OrpoLoss"/>.</summary>
    Orpo,
    /// <summary>CPO (reference-free sigmoid + NLL): <see cref="CpoLoss"/>.</summary>
    Cpo,
    /// <summary>CPL, Contrastive Preference Learning (regret-based, reference-free, bias λ): <see cref="CplLoss"/>.</summary>
    Cpl,
    /// <summary>LD-DPO (length desensitisation): <see cref="LdDpoLoss"/>.</summary>
    LdDpo,
    /// <summary>NPO on the rejected (forget) responses: <see cref="NpoLoss"/>.</summary>
    Npo,
    /// <summary>MaPO (margin-aware, reference-free): <see cref="MaPoLoss"/>.</summary>
    MaPo,
    /// <summary>iREPO (regression onto the logit of soft preferences): <see cref="IrepoLoss"/>.</summary>
    Irepo,
    /// <summary>Soft-label DPO (SmPO-style smoothed labels): <see cref="SoftLabelLoss"/>.</summary>
    SoftLabel,
    /// <summary>KTO in paired form: <see cref="KtoLoss"/>.</summary>
    KtoPair,
    /// <summary>f-DPO (reverse KL, forward KL, Jensen–Shannon, α-divergence): <see cref="FDivergenceLoss"/>.</summary>
    FDivergence,
    /// <summary>Token-weighted DPO (SparsePO-style masks): <see cref="TokenWeightedLoss"/>.</summary>
    TokenWeighted,
    /// <summary>MM-DPO: DPO with MM-RLHF's dynamic reward scaling of β: <see cref="DynamicBetaLoss"/>.</summary>
    DynamicBeta,
    /// <summary>VPO (value-incentivised; α &gt; 0 pessimistic, &lt; 0 optimistic): <see cref="VpoLoss"/>.</summary>
    Vpo,
}
