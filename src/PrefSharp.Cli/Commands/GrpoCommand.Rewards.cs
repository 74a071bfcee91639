using System.CommandLine;
using System.Globalization;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Rewards.Shaping;

namespace PrefSharp.Cli.Commands;

public static partial class GrpoCommand
{
    private static readonly Option<string[]> Reward = new("--reward")
    {
        Description = "SPEC[@WEIGHT], repeatable: gym:WORLD (or gym:WORLD:GROUP, one annotator group's utility), rm:DIR (a model or a train-rm --ensemble folder), judge:URL, cdr:STRONG,WEAK (log π_strong − log π_weak of two checkpoints), flr:DIR (follow-up likelihood), or label-free ttrl (1 for agreeing with the group's majority answer) or evol (EVOL-RL: majority plus novelty), "
            + "e.g. --reward gym:lexicon@0.7 --reward rm:runs/rm@0.3 (weight 1 when omitted)",
        Required = true, Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string> Aggregation = new("--reward-aggregation")
    {
        Description = "How several rewards combine: sum (Σ w·r), normalize-then-sum (GDPO: Σ w·group-normalised r, then batch whitening), "
            + "log-sigmoid (Σ w·log σ(r − r_ref), Wang et al.: an AND of the rewards) log-tamed (PaCo-RL: log(1 + r) for high-variation rewards) "
            + "or maxmin (MaxMin-RLHF: each step trains on the reward of the group worst off in the batch; one --reward per group, e.g. gym:pluralistic:concise)",
        DefaultValueFactory = _ => "sum",
    };
    private static readonly Option<string> Shaping = new("--shaping") { Description = "none or par (Preference As Reward: σ(r − r_ref) per reward)", DefaultValueFactory = _ => "none" };
    private static readonly Option<int> ReferenceSamples = new("--reference-samples")
    {
        Description = "M responses per prompt sampled once from the reference policy; their rewards are r_ref of par (mean of M sigmoids) and log-sigmoid (mean reward)",
        DefaultValueFactory = _ => 1,
    };
    private static readonly Option<string[]> Constraint = new("--constraint")
    {
        Description = "K:THRESHOLD, repeatable: keep the mean of the K-th --reward (1-based) at most THRESHOLD with a Lagrange multiplier "
            + "(constrained RLHF, Moskovitz et al.); λ and the violation are logged every step", Arity = ArgumentArity.ZeroOrMore,
    };
    private static readonly Option<double> ConstraintLr = new("--constraint-lr") { Description = "Step η of the multipliers: λ ← max(0, λ + η·(mean r − θ))", DefaultValueFactory = _ => 0.1 };
    private static readonly EnsembleCli Ensemble = new();

    private static Option[] RewardFlags()
    {
        Aggregation.AcceptOnlyFromAmong("sum", "normalize-then-sum", "log-sigmoid", "log-tamed", "maxmin");
        Shaping.AcceptOnlyFromAmong("none", "par");
        return [Reward, Aggregation, Shaping, ReferenceSamples, Constraint, ConstraintLr];
    }

    /// <summary>The reward terms and how they combine, from the flags.</summary>
    private static (IReadOnlyList<RewardTerm> Terms, RewardCompositionOptions Composition) Rewards(ParseResult parse)
    {
        var samples = parse.GetValue(ReferenceSamples);
        if (samples < 1) throw new ArgumentException($"--reference-samples must be ≥ 1, found {samples}", "--reference-samples");
        var composition = new RewardCompositionOptions
        {
            Aggregation = parse.GetValue(Aggregation) switch
            {
                "normalize-then-sum" => RewardAggregationKind.NormalizeThenSum, "log-sigmoid" => RewardAggregationKind.LogSigmoid,
                "log-tamed" => RewardAggregationKind.LogTamed, "maxmin" => RewardAggregationKind.MaxMin, _ => RewardAggregationKind.WeightedSum,
            },
            PreferenceAsReward = parse.GetValue(Shaping) == "par", ReferenceSamples = samples,
            Constraints = [.. (parse.GetValue(Constraint) ?? []).Select(ParseConstraint)], ConstraintLearningRate = parse.GetValue(ConstraintLr),
            Ensemble = Ensemble.From(parse),
        };
        return ([.. parse.GetValue(Reward)!.Select(text => RewardTerm.Parse(text))], composition);
    }

    private static RewardConstraint ParseConstraint(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var k) && k >= 1
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) && double.IsFinite(threshold))
            return new RewardConstraint(k - 1, threshold);
        throw new ArgumentException($"--constraint must be K:THRESHOLD with K the 1-based position of a --reward, found \"{text}\"", "--constraint");
    }
}
