using System.CommandLine;
using PrefSharp.Torch.Losses.Preference;

namespace PrefSharp.Cli.Commands.Dpo;

/// <summary>
/// The per-loss constants of <see cref="PreferenceLossOptions"/> the papers tune, as flags; each default is the
/// option's default, and each flag matters only to the loss it names.
/// </summary>
public sealed class LossConstantFlags
{
    private static readonly PreferenceLossOptions Defaults = new();

    public Option<double> SimPoGamma { get; } = new("--simpo-gamma") { Description = "SimPO target margin γ (simpo)", DefaultValueFactory = _ => Defaults.SimPoGamma };
    public Option<double> CplLambda { get; } = new("--cpl-lambda") { Description = "CPL conservative bias λ in (0, 1] on the rejected segment (cpl; 1 = unbiased)", DefaultValueFactory = _ => Defaults.CplLambda };
    public Option<double> LdAlpha { get; } = new("--ld-alpha") { Description = "LD-DPO weight α in [0, 1] of tokens beyond the shorter response (ld_dpo; 1 = DPO)", DefaultValueFactory = _ => Defaults.LdAlpha };
    public Option<double> CpoAlpha { get; } = new("--cpo-alpha") { Description = "CPO weight α ≥ 0 of the chosen NLL term (cpo)", DefaultValueFactory = _ => Defaults.CpoAlpha };
    public Option<double> KtoDesirable { get; } = new("--kto-desirable-weight") { Description = "KTO λ_D ≥ 0, weight of desirable examples (kto_pair, kto)", DefaultValueFactory = _ => Defaults.KtoDesirableWeight };
    public Option<double> KtoUndesirable { get; } = new("--kto-undesirable-weight") { Description = "KTO λ_U ≥ 0, weight of undesirable examples (kto_pair, kto)", DefaultValueFactory = _ => Defaults.KtoUndesirableWeight };
    public Option<string> FDivergence { get; } = new("--f-divergence") { Description = "f-DPO divergence: reverse-kl (= DPO), forward-kl, jensen-shannon or alpha (f_divergence)", DefaultValueFactory = _ => "reverse-kl" };
    public Option<double> FAlpha { get; } = new("--f-alpha") { Description = "α > 0 of the α-divergence (--f-divergence alpha)", DefaultValueFactory = _ => Defaults.FDivergenceAlpha };
    public Option<double> VpoAlpha { get; } = new("--vpo-alpha") { Description = "VPO weight α of the value term (vpo): > 0 pessimism (offline data), < 0 optimism (online-dpo's own samples)", DefaultValueFactory = _ => Defaults.VpoAlpha };
    public Option<double> DynamicBetaWeight { get; } = new("--dynamic-beta-weight") { Description = "MM-DPO w ≥ 0: β_i = β·(1 + w·(1 − e^{−k·δ_i})) (dynamic_beta)", DefaultValueFactory = _ => Defaults.DynamicBetaWeight };
    public Option<double> DynamicBetaRate { get; } = new("--dynamic-beta-rate") { Description = "MM-DPO k ≥ 0 of the dynamic β (dynamic_beta)", DefaultValueFactory = _ => Defaults.DynamicBetaRate };

    public IEnumerable<Option> All()
    {
        FDivergence.AcceptOnlyFromAmong("reverse-kl", "forward-kl", "jensen-shannon", "alpha");
        return [SimPoGamma, CplLambda, LdAlpha, CpoAlpha, KtoDesirable, KtoUndesirable, FDivergence, FAlpha, VpoAlpha, DynamicBetaWeight, DynamicBetaRate];
    }

    /// <summary><paramref name="options"/> with the constants of <paramref name="parse"/> (validated by the caller).</summary>
    public PreferenceLossOptions Apply(ParseResult parse, PreferenceLossOptions options) => options with
    {
        SimPoGamma = parse.GetValue(SimPoGamma),
        CplLambda = parse.GetValue(CplLambda),
        LdAlpha = parse.GetValue(LdAlpha),
        CpoAlpha = parse.GetValue(CpoAlpha),
        KtoDesirableWeight = parse.GetValue(KtoDesirable),
        KtoUndesirableWeight = parse.GetValue(KtoUndesirable),
        FDivergence = Enum.Parse<FDivergenceKind>(parse.GetValue(FDivergence)!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
        FDivergenceAlpha = parse.GetValue(FAlpha),
        VpoAlpha = parse.GetValue(VpoAlpha),
        DynamicBetaWeight = parse.GetValue(DynamicBetaWeight),
        DynamicBetaRate = parse.GetValue(DynamicBetaRate),
    };
}
