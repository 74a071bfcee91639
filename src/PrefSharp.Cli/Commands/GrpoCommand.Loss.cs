using System.CommandLine;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Cli.Commands;

public static partial class GrpoCommand
{
    private static readonly Option<string> LossType = new("--loss-type")
    {
        Description = "grpo, bnpo, dr_grpo, dapo (the clipped surrogate, reduced per sequence / per micro-batch token / by B·L_max / per global token), "
            + "cispo (clip the importance weight at --epsilon-high, MiniMax-M1), sapo (soft gate, per-sequence mean) or luspo (GSPO × length; needs --importance-sampling sequence)",
        DefaultValueFactory = _ => "dapo",
    };
    private static readonly Option<double> Beta = new("--beta") { Description = "KL penalty weight β (k3 estimator)", DefaultValueFactory = _ => 0.0 };
    private static readonly Option<double> Epsilon = new("--epsilon") { Description = "Clip range ε (lower)", DefaultValueFactory = _ => 0.2 };
    private static readonly Option<double?> EpsilonHigh = new("--epsilon-high") { Description = "Upper clip range (DAPO clip-higher; default = --epsilon); with cispo the ratio cap ε_max (ScaleRL: 5)" };
    private static readonly Option<double?> Delta = new("--delta") { Description = "Two-sided clipping (INTELLECT-2): cap the unclipped ratio at δ > 1 + ε_high; off by default" };
    private static readonly Option<double> SapoPositive = new("--sapo-temperature-pos") { Description = "SAPO gate temperature τ for positive advantages", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<double> SapoNegative = new("--sapo-temperature-neg") { Description = "SAPO gate temperature τ for other advantages", DefaultValueFactory = _ => 1.05 };
    private static readonly Option<double> TopEntropy = new("--top-entropy-quantile")
    {
        Description = "ρ: only the top-ρ tokens by entropy enter the policy loss (Beyond the 80/20 rule: 0.2); 1 keeps all", DefaultValueFactory = _ => 1.0,
    };
    private static readonly Option<double> EntropyCoef = new("--entropy-coef") { Description = "Entropy bonus c: the loss subtracts c·H per token; 0 = off", DefaultValueFactory = _ => 0.0 };
    private static readonly Option<bool> MaskTruncated = new("--mask-truncated-completions")
    {
        Description = "Leave completions that hit --max-completion-length without a stop token out of the loss (DAPO overlong filtering)",
    };
    private static readonly Option<string> Ratio = new("--importance-sampling") { Description = "token (GRPO) or sequence (GSPO)", DefaultValueFactory = _ => "token" };

    private static Option[] LossFlags()
    {
        LossType.AcceptOnlyFromAmong("grpo", "bnpo", "dr_grpo", "dapo", "cispo", "sapo", "luspo");
        Ratio.AcceptOnlyFromAmong("token", "sequence");
        return [LossType, Beta, Epsilon, EpsilonHigh, Delta, SapoPositive, SapoNegative, TopEntropy, EntropyCoef, MaskTruncated, Ratio];
    }

    /// <summary>The loss options from the flags: TRL's loss_type is a surrogate and an aggregation.</summary>
    private static GrpoLossOptions Loss(ParseResult parse)
    {
        var type = parse.GetValue(LossType);
        return new GrpoLossOptions
        {
            Beta = parse.GetValue(Beta), EpsilonLow = parse.GetValue(Epsilon), EpsilonHigh = parse.GetValue(EpsilonHigh), Delta = parse.GetValue(Delta),
            Surrogate = type switch { "cispo" => PolicySurrogate.Cispo, "sapo" => PolicySurrogate.Sapo, _ => PolicySurrogate.Clip },
            Aggregation = type switch
            {
                "grpo" or "sapo" => LossAggregation.Grpo, "bnpo" => LossAggregation.Bnpo, "dr_grpo" => LossAggregation.DrGrpo,
                "luspo" => LossAggregation.Luspo, _ => LossAggregation.Dapo,
            },
            ImportanceSampling = parse.GetValue(Ratio) == "sequence" ? ImportanceSamplingLevel.Sequence : ImportanceSamplingLevel.Token,
            SapoTemperaturePositive = parse.GetValue(SapoPositive), SapoTemperatureNegative = parse.GetValue(SapoNegative),
            TopEntropyQuantile = parse.GetValue(TopEntropy), EntropyCoefficient = parse.GetValue(EntropyCoef), EntropyChangeWeighting = SteerWeights(parse),
        };
    }
}
