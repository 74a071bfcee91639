using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The learned (proxy) reward the online stages optimise: the reward-model stage's model when it ran
/// (<see cref="DemoProducts.RewardModelCheckpoint"/>, scores normalised with its stored mean and std), otherwise a
/// bag-of-words Bradley–Terry reward fitted on the run's simulated pairs (<see cref="BagOfWordsReward"/>), as the
/// best-of-n stage uses. Either way it sees the world prompt and the response text, never the gold utility.
/// </summary>
public sealed class GrpoDemoProxy : IDisposable
{
    private readonly List<RewardModel> owned = [];

    private GrpoDemoProxy(PointwiseRewardSource source, string description, RewardModel? model)
    {
        Source = source;
        Description = description;
        if (model is not null) owned.Add(model);
        IsRewardModel = model is not null;
    }

    /// <summary>The pointwise proxy reward.</summary>
    public PointwiseRewardSource Source { get; }

    /// <summary>One sentence for the stage's text: which proxy was used and why.</summary>
    public string Description { get; }

    /// <summary>True when the reward-model stage's model is used.</summary>
    public bool IsRewardModel { get; }

    public static GrpoDemoProxy For(DemoContext context)
    {
        if (context.Products.RewardModelCheckpoint is { } folder && Directory.Exists(folder))
        {
            var rewardModel = RewardCheckpoint.Load(folder);
            return new GrpoDemoProxy(RewardModelSource("rm", rewardModel, TokenizerFiles.Load(folder)),
                "The proxy reward is the reward-model stage's Bradley–Terry reward model.", rewardModel);
        }
        var pairs = GymRecords.ToPairs(context.World, context.Judgements).Select(p => (p.Chosen.Text!, p.Rejected.Text!, p.IsTie)).ToList();
        var bag = context.Products.Proxy ?? BagOfWordsReward.Fit(pairs);
        return new GrpoDemoProxy(PointwiseRewardSource.FromFunction("bag-of-words", (_, response) => bag.Score(response)),
            $"The reward-model stage did not run, so the proxy reward is the bag-of-words Bradley–Terry reward fitted on {pairs.Count:N0} simulated pairs (the best-of-n stage's).",
            null);
    }

    /// <summary>
    /// A conservative ensemble (Coste et al. 2024, WCO: the minimum over members of their normalised rewards). With a
    /// reward model: the reward-model stage's members (same data, different seeds, as the paper trains them;
    /// <see cref="DemoProducts.RewardModelMembers"/>), loaded here and disposed with this proxy; null if the stage left none.
    /// With the bag-of-words proxy: <paramref name="members"/> proxies, each fitted on a bootstrap resample of the run's
    /// pairs (a convex fit has no seed to vary).
    /// </summary>
    public IGroupRewardSource? WorstCaseEnsemble(DemoContext context, int members = 4)
    {
        if (IsRewardModel)
        {
            var folders = context.Products.RewardModelMembers;
            if (folders.Count < 2) return null;
            return EnsembleRewardSource.WorstCase(folders.Select((folder, k) =>
            {
                var member = RewardCheckpoint.Load(folder);
                owned.Add(member);
                var tokenizer = TokenizerFiles.Load(folder);
                return (IGroupRewardSource)RewardModelSource($"rm-{k}", member, tokenizer);
            }).ToList());
        }
        var pairs = GymRecords.ToPairs(context.World, context.Judgements).Select(p => (p.Chosen.Text!, p.Rejected.Text!, p.IsTie)).ToList();
        var fitted = Enumerable.Range(0, members).Select(k =>
        {
            var random = new Random(unchecked(context.Seed * 31 + k));
            var bag = BagOfWordsReward.Fit(Enumerable.Range(0, pairs.Count).Select(_ => pairs[random.Next(pairs.Count)]).ToList());
            return (IGroupRewardSource)PointwiseRewardSource.FromFunction($"bag-{k}", (_, response) => bag.Score(response));
        }).ToList();
        return EnsembleRewardSource.WorstCase(fitted);
    }

    /// <summary>
    /// PAR around this proxy (Fu et al. 2025): the reference response of a prompt is the world's demonstration at
    /// quality 0.5, seeded by the prompt text so that it is the same at every step.
    /// </summary>
    public IGroupRewardSource PreferenceAsReward(DemoContext context) =>
        new ShapedRewardSource(Source, prompt => context.World.Demonstrate(prompt, 0.5, new Random(StableHash(prompt))));

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }

    /// <summary>
    /// A reward model's normalised scores (its stored mean and std) in the layout the reward-model stage trains on
    /// (<see cref="RewardModelProxy.Encode"/>: GymText, last 64 tokens).
    /// </summary>
    private static PointwiseRewardSource RewardModelSource(string name, RewardModel model, ITokenizer tokenizer) =>
        new(name, items => RewardScorer.Score(model, items.Select(i => RewardModelProxy.Encode(tokenizer, i.Prompt, i.Completion, 64)).ToList(), 64, normalize: true));

    public void Dispose()
    {
        foreach (var model in owned) model.Dispose();
    }
}
