using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Recipes.Rewards;

/// <summary>
/// The reward of an online run from its <c>--reward</c> terms: one unweighted term with nothing to compose is its own
/// source, unchanged; anything else is a <see cref="CompositeRewardSource"/> over the terms' sources with their
/// weights, aggregation, PAR shaping and constraints. Owns the terms' models and clients.
/// </summary>
public sealed class ComposedReward : IDisposable
{
    private readonly IReadOnlyList<RewardSourceSpec> specs;

    private ComposedReward(IReadOnlyList<RewardSourceSpec> specs, IGroupRewardSource source) => (this.specs, Source) = (specs, source);

    /// <summary>The reward the policy is trained on.</summary>
    public IGroupRewardSource Source { get; }

    /// <summary>The first gym world among the terms (its utility is then the logged gold reward), or null.</summary>
    public IWorld? World => specs.Select(s => s.World).FirstOrDefault(w => w is not null);

    /// <param name="referenceResponses">Prompt → M reference responses, read only when <see cref="RewardCompositionOptions.NeedsReferences"/>.</param>
    public static ComposedReward Build(IReadOnlyList<RewardTerm> terms, RewardCompositionOptions composition, bool pairwise, string? judgeModel,
        int maxLength, double judgeTimeout, Func<string, IReadOnlyList<string>> referenceResponses)
    {
        if (terms.Count == 0) throw new ArgumentException("--reward is required", "--reward");
        var specs = new List<RewardSourceSpec>();
        try
        {
            foreach (var term in terms)
                specs.Add(RewardSourceSpec.Parse(term.Spec, pairwise, judgeModel, maxLength, judgeTimeout: judgeTimeout, ensemble: composition.Ensemble));
            var single = terms.Count == 1 && terms[0].Weight == 1 && composition.Aggregation == RewardAggregationKind.WeightedSum
                && !composition.PreferenceAsReward && composition.Constraints.Count == 0;
            return new ComposedReward(specs, single ? specs[0].Source : new CompositeRewardSource(specs.Select(s => s.Source).ToList(), new CompositeRewardOptions
            {
                Weights = terms.Select(t => t.Weight).ToList(), Aggregation = composition.Aggregation, PreferenceAsReward = composition.PreferenceAsReward,
                Constraints = composition.Constraints, ConstraintLearningRate = composition.ConstraintLearningRate,
            }, composition.NeedsReferences ? referenceResponses : null));
        }
        catch
        {
            foreach (var spec in specs) spec.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var spec in specs) spec.Dispose();
    }
}
