using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// The reward-model measurements of one gym world, each against gold: (1) held-out gold accuracy of a trained reward
/// model vs the length-only and bag-of-words Bradley–Terry baselines; (2) with a fraction of training labels flipped,
/// Bradley–Terry vs the robust recipes told the flip rate (<see cref="NoisyRecipes"/>);
/// (3) best-of-N gold utility when a single reward model, or a K-member ensemble aggregated by mean, WCO or UWO
/// (Coste et al. 2023), picks among N fresh demonstrations. The data recipe (the constructor's arguments): `prompts`
/// prompts with `responsesPerPrompt` demonstrations each, 20 % of the prompts held out for gold, every pair of the
/// others labelled by the majority of `votes` panel votes and kept when the margin is ≥ `minMargin`
/// (<see cref="GymRewardData.PanelPairs"/>); the tokenizer is the world's (<see cref="GymTokenizer.Choose"/> on the
/// training prompts' texts: a word-level BPE for the word worlds, bytes for sorting). Budgets are parameters so tests
/// run small and the bench full.
/// </summary>
public sealed class GymRewardExperiment
{
    private readonly IWorld world;
    private readonly int seed;
    private readonly (IReadOnlyList<Core.Gym.Sampling.GymSample> Samples, List<TextPair> Train, HashSet<string> HeldOut) data;

    public GymRewardExperiment(IWorld world, int prompts = 1000, int responsesPerPrompt = 4, int seed = 1, int votes = 9, int minMargin = 3)
    {
        this.world = world;
        this.seed = seed;
        data = GymRewardData.Generate(world, prompts, responsesPerPrompt, 0.2, seed, votes, minMargin);
        Tokenizer = GymTokenizer.Choose(data.Samples.Where(s => !data.HeldOut.Contains(s.PromptId)).Select(s => (s.Prompt, s.Response)), 512).Tokenizer;
        Gold = GymRewardData.GoldPairs(data.Samples, data.HeldOut);
    }

    /// <summary>The tokenizer every reward model of this experiment uses.</summary>
    public ITokenizer Tokenizer { get; }

    /// <summary>Panel-labelled training pairs (held-out prompts excluded).</summary>
    public IReadOnlyList<TextPair> Train => data.Train;

    /// <summary>Held-out gold pairs.</summary>
    public IReadOnlyList<TextPair> Gold { get; }

    /// <summary>One reward model trained on <see cref="Train"/>.</summary>
    public RewardModelProxy TrainModel(GymRewardOptions options) => GymRewardTrainer.Train(Train, Tokenizer, options);

    /// <summary>K members trained on <see cref="Train"/> from seeds Seed, Seed + 1, … (dispose them).</summary>
    public IReadOnlyList<RewardModelProxy> TrainEnsemble(int members, GymRewardOptions options) =>
        GymRewardTrainer.TrainEnsemble(members, Train, Tokenizer, options);

    /// <summary>Gold accuracy of a reward model trained on <see cref="Train"/>, of length and of the bag-of-words proxy.</summary>
    public (double RewardModel, double Length, double BagOfWords) Accuracies(GymRewardOptions options)
    {
        using var model = TrainModel(options);
        return Accuracies(model);
    }

    /// <summary>Gold accuracy of <paramref name="model"/>, of length and of the bag-of-words proxy fitted on <see cref="Train"/>.</summary>
    public (double RewardModel, double Length, double BagOfWords) Accuracies(RewardModelProxy model)
    {
        var bag = BagOfWordsReward.Fit(Train.Select(p => (p.Chosen, p.Rejected, false)).ToList());
        return (GymRewardEvaluation.GoldAccuracy(Gold, model.ScoreMany), GymRewardEvaluation.LengthAccuracy(Gold),
            GymRewardEvaluation.GoldAccuracy(Gold, items => items.Select(i => bag.Score(i.Completion)).ToArray()));
    }

    /// <summary>The recipes <see cref="NoisyAccuracies"/> compares, by name, each told the flip rate ε.</summary>
    public static readonly IReadOnlyList<string> NoisyRecipes = ["bt", "debiased", "flip_aware", "peer_review"];

    /// <summary>
    /// Gold accuracy under <paramref name="flipRate"/> label noise (<see cref="GymRewardData.Flip"/>) of each of
    /// <see cref="NoisyRecipes"/>: plain Bradley–Terry; the de-biased loss and the flip-aware likelihood with ε = flip
    /// rate; Bradley–Terry with a peer reviewer dropping τ = flip rate (Co-teaching's 10-epoch ramp).
    /// </summary>
    public IReadOnlyDictionary<string, GymNoisyAccuracy> NoisyAccuracies(double flipRate, GymRewardOptions options)
    {
        var noisy = GymRewardData.Flip(Train, flipRate, seed + 7);
        var flipped = noisy.Where((p, i) => p.Chosen != Train[i].Chosen).ToList();
        GymNoisyAccuracy Run(GymRewardOptions recipe)
        {
            using var model = GymRewardTrainer.Train(noisy, Tokenizer, recipe);
            return new(GymRewardEvaluation.GoldAccuracy(Gold, model.ScoreMany), flipped.Count == 0 ? 0 : GymRewardEvaluation.GoldAccuracy(flipped, model.ScoreMany));
        }
        var plain = options with { Objective = new RewardObjectiveOptions(), PeerReview = null };
        return new Dictionary<string, GymNoisyAccuracy>
        {
            ["bt"] = Run(plain),
            ["debiased"] = Run(plain with { Objective = new RewardObjectiveOptions { Loss = RewardLossKind.Debiased, FlipRate = flipRate } }),
            ["flip_aware"] = Run(plain with { Objective = new RewardObjectiveOptions { Loss = RewardLossKind.FlipAware, FlipRate = flipRate } }),
            ["peer_review"] = Run(plain with { PeerReview = new PeerReviewOptions { DropRate = flipRate } }),
        };
    }

    /// <summary>
    /// Best-of-N curves (gold of the pick for N = 1..<paramref name="n"/> on <paramref name="bonPrompts"/> fresh prompts) for member 0
    /// alone and for the ensemble under mean, WCO and UWO (λ = <paramref name="uncertaintyPenalty"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double[]> BestOfN(IReadOnlyList<RewardModelProxy> ensemble, int bonPrompts, int n,
        double uncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
    {
        var candidates = GymRewardEvaluation.Candidates(world, bonPrompts, n, seed + 11);
        return new Dictionary<string, double[]>
        {
            ["single"] = GymRewardEvaluation.BestOfN(candidates, ensemble[0].ScoreMany),
            ["mean"] = GymRewardEvaluation.BestOfN(candidates, i => GymRewardTrainer.ScoreEnsemble(ensemble, i, EnsembleAggregationKind.Mean)),
            ["wco"] = GymRewardEvaluation.BestOfN(candidates, i => GymRewardTrainer.ScoreEnsemble(ensemble, i, EnsembleAggregationKind.WorstCase)),
            ["uwo"] = GymRewardEvaluation.BestOfN(candidates, i => GymRewardTrainer.ScoreEnsemble(ensemble, i, EnsembleAggregationKind.UncertaintyWeighted, uncertaintyPenalty)),
        };
    }

    /// <summary>Trains a <paramref name="members"/>-member ensemble and returns its best-of-N curves (see the other overload).</summary>
    public IReadOnlyDictionary<string, double[]> BestOfN(int members, int bonPrompts, int n, GymRewardOptions options,
        double uncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
    {
        var ensemble = TrainEnsemble(members, options);
        try
        {
            return BestOfN(ensemble, bonPrompts, n, uncertaintyPenalty);
        }
        finally
        {
            foreach (var member in ensemble) member.Dispose();
        }
    }
}
