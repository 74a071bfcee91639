using System.CommandLine;
using System.Globalization;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Cli.Commands;

public static partial class GrpoCommand
{
    private static readonly Option<string> RiskQuantiles = new("--risk-quantiles")
    {
        Description = "RiskPO (--advantage riskpo): the quantile levels α,β of the Mixed Value-at-Risk objective (the paper: 0.2,0.9)", DefaultValueFactory = _ => "0.2,0.9",
    };
    private static readonly Option<double> RiskTailWeight = new("--risk-tail-weight") { Description = "RiskPO: ω, the weight of the CVaR_α tail term (the paper: 1.5)", DefaultValueFactory = _ => 1.5 };
    private static readonly Option<int> RiskBundle = new("--risk-bundle-size") { Description = "RiskPO: questions per bundle, dividing --prompts-per-step (the paper: 5; 1 = no bundling)", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Steer = new("--steer")
    {
        Description = "STEER (Hao et al. 2025): w_min,w_max of the entropy-change-aware token weights (the paper: 0.8,1.2); off by default",
    };

    private static Option[] RiskFlags() => [RiskQuantiles, RiskTailWeight, RiskBundle, Steer];

    private static AdvantageEstimator Estimator(ParseResult parse) => parse.GetValue(Advantage) switch
    {
        "rloo" => AdvantageEstimator.LeaveOneOut,
        "riskpo" => AdvantageEstimator.MixedValueAtRisk,
        _ => AdvantageEstimator.Group,
    };

    private static MixedValueAtRiskOptions Risk(ParseResult parse)
    {
        var (lower, upper) = Pair(parse.GetValue(RiskQuantiles)!, "--risk-quantiles", "α,β with 0 < α < β ≤ 1");
        var options = new MixedValueAtRiskOptions { Lower = lower, Upper = upper, TailWeight = parse.GetValue(RiskTailWeight), BundleSize = parse.GetValue(RiskBundle) };
        try
        {
            return options.Validate(parse.GetValue(PromptsPerStep));
        }
        catch (ArgumentException error)
        {
            var flag = error.ParamName switch { nameof(options.TailWeight) => "--risk-tail-weight", nameof(options.BundleSize) => "--risk-bundle-size", _ => "--risk-quantiles" };
            throw new ArgumentException($"{flag}: {error.Message.Split(" (Parameter")[0]}", flag);
        }
    }

    private static (double Min, double Max)? SteerWeights(ParseResult parse)
    {
        if (parse.GetValue(Steer) is not { } text) return null;
        const string expected = "w_min,w_max with 0 ≤ w_min ≤ w_max";
        var (min, max) = Pair(text, "--steer", expected);
        if (!(min >= 0 && min <= max && double.IsFinite(max))) throw new ArgumentException($"--steer: {text} is out of range; expected {expected}", "--steer");
        return (min, max);
    }

    private static (double, double) Pair(string text, string flag, string expected)
    {
        var parts = text.Split(',');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            return (a, b);
        throw new ArgumentException($"{flag}: '{text}' is not two numbers; expected {expected}", flag);
    }
}
