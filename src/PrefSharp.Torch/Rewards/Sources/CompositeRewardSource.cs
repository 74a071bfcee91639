using PrefSharp.Torch.Rewards.Shaping;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// K rewards on the same completions made into one (<see cref="CompositeRewardOptions"/>): each term optionally shaped
/// by PAR (Fu et al. 2025, §4, <see cref="PreferenceAsReward"/>), then aggregated (<see cref="RewardAggregationKind"/>),
/// then, for constrained terms, the Lagrangian of Moskovitz et al. 2024 (§4): r = agg − Σ_c λ_c (r_c − θ_c) with the
/// multipliers taking one projected step per scoring call, λ_c ← max(0, λ_c + η (mean r_c − θ_c)) (a term above its
/// threshold gains weight against it, one below lets it decay to 0). PAR and the log-sigmoid transform read reference
/// rewards: each term's score of the reference responses to the prompt (given to the constructor).
/// The pointwise score (the proxy of an over-optimisation curve) is the weighted sum of the raw terms; the metrics hold
/// each term's mean and each constraint's λ and violation.
/// </summary>
public sealed partial class CompositeRewardSource : IGroupRewardSource
{
    private readonly IReadOnlyList<IGroupRewardSource> terms;
    private readonly CompositeRewardOptions options;
    private readonly Func<string, IReadOnlyList<string>>? referenceResponses;
    private readonly LagrangeMultipliers? multipliers;

    /// <param name="referenceResponses">Prompt → M reference responses; needed for PAR and log-sigmoid.</param>
    public CompositeRewardSource(IReadOnlyList<IGroupRewardSource> terms, CompositeRewardOptions options,
        Func<string, IReadOnlyList<string>>? referenceResponses = null)
    {
        this.terms = terms;
        this.options = options;
        this.referenceResponses = referenceResponses;
        Validate();
        if (options.Constraints.Count > 0)
            multipliers = new LagrangeMultipliers(options.Constraints.Select(c => -c.Threshold).ToList(), options.ConstraintLearningRate);
    }

    public string Name => (terms.Count == 1 ? terms[0].Name : string.Join("+", terms.Select(t => t.Name)))
        + (options.PreferenceAsReward ? "/par" : "") + options.Aggregation switch
        {
            RewardAggregationKind.NormalizeThenSum => "/gdpo", RewardAggregationKind.LogSigmoid => "/log-sigmoid",
            RewardAggregationKind.LogTamed => "/log-tamed", RewardAggregationKind.MaxMin => "/maxmin", _ => "",
        } + (multipliers is null ? "" : "/constrained");

    public bool IsPairwise => false;

    /// <summary>The current multipliers λ_c, one per constraint.</summary>
    public IReadOnlyList<double> Multipliers => multipliers?.Values ?? [];

    /// <summary>Continues with saved multipliers (one per constraint), as a resumed run must.</summary>
    public void RestoreMultipliers(IReadOnlyList<double> values) =>
        (multipliers ?? throw new InvalidOperationException("this composite reward has no constraints")).Restore(values);

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        using var scope = NewDisposeScope();
        var size = groups[0].Completions.Count;
        var raw = stack(terms.Select(t => tensor(t.Score(groups).Rewards)).ToArray(), 1);                  // (N, K)
        var weights = options.Weights;
        var shaped = options.PreferenceAsReward ? Par(raw, References(groups)) : raw;
        var metrics = new Dictionary<string, double>();
        var combined = options.Aggregation switch
        {
            RewardAggregationKind.NormalizeThenSum => MultiRewardAggregation.NormalizeThenSum(shaped, size, weights),
            RewardAggregationKind.LogSigmoid => MultiRewardAggregation.WeightedSum(
                LogSigmoidTransform.Compute(shaped, References(groups).mean([1])), weights),
            RewardAggregationKind.LogTamed => LogTamedAggregation.Compute(shaped, null, weights),
            RewardAggregationKind.MaxMin => MaxMin(shaped, weights, metrics),
            _ => MultiRewardAggregation.WeightedSum(shaped, weights),
        };
        var means = raw.mean([0]).data<double>().ToArray();
        for (var k = 0; k < terms.Count; k++) metrics[$"reward/term_{k}/{terms[k].Name}"] = means[k];
        if (multipliers is not null) combined = Constrain(combined, raw, means, metrics);
        return new GroupScores(combined.data<double>().ToArray(), MultiRewardAggregation.WeightedSum(raw, weights).data<double>().ToArray())
        {
            Metrics = metrics,
        };
    }

    /// <summary>MaxMin's worst-off group's reward; its index logged as <c>reward/maxmin_group</c>.</summary>
    private static Tensor MaxMin(Tensor shaped, IReadOnlyList<double>? weights, Dictionary<string, double> metrics)
    {
        var (rewards, group) = MaxMinAggregation.Compute(shaped, weights);
        metrics["reward/maxmin_group"] = group;
        return rewards;
    }

    /// <summary>The Lagrangian reward with this step's λ; then the dual step from the batch means.</summary>
    private Tensor Constrain(Tensor combined, Tensor raw, double[] means, Dictionary<string, double> metrics)
    {
        var columns = tensor(options.Constraints.Select(c => (long)c.Term).ToArray());
        var lagrangian = multipliers!.Combine(combined, -raw.index_select(1, columns));                  // agg + Σ λ(θ − r_c)
        for (var c = 0; c < options.Constraints.Count; c++)
        {
            var (term, threshold) = (options.Constraints[c].Term, options.Constraints[c].Threshold);
            metrics[$"constraint/term_{term}/lambda"] = multipliers.Values[c];
            metrics[$"constraint/term_{term}/violation"] = means[term] - threshold;
        }
        multipliers.Update(options.Constraints.Select(c => -means[c.Term]).ToList());
        return lagrangian;
    }
}
