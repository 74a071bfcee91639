using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Torch.Gym;

/// <summary>
/// The reward-model measurements of one gym world, each against gold: (1) held-out gold accuracy of a trained reward
/// model vs the length-only and bag-of-words Bradley–Terry baselines; (2) with a fraction of training labels flipped,
/// Bradley–Terry vs the de-biased loss told the flip rate (Natarajan et al. 2013, via <see cref="RewardLossKind.Debiased"/>);
/// (3) best-of-N gold utility when a single reward model, or a K-member ensemble aggregated by mean, WCO or UWO
/// (Coste et al. 2023), picks among N fresh demonstrations. Budgets are parameters so tests run small and the bench full.
/// </summary>
public sealed class GymRewardExperiment(IWorld world, int prompts = 300, int responsesPerPrompt = 4, int seed = 1)
{
    private readonly (IReadOnlyList<Core.Gym.Sampling.GymSample> Samples, IReadOnlyList<Core.Gym.Sampling.GymJudgement> Judgements, HashSet<string> HeldOut) data =
        GymRewardData.Generate(world, prompts, responsesPerPrompt, 0.2, seed);

    /// <summary>The byte-level tokenizer every gym reward model uses (259 ids with ChatML markers).</summary>
    public ITokenizer Tokenizer { get; } = ByteLevelTokenizer.WithChatMl();

    /// <summary>Annotator-labelled training pairs (held-out prompts excluded).</summary>
    public IReadOnlyList<TextPair> Train => GymRewardData.TrainingPairs(data.Judgements, data.HeldOut);

    /// <summary>Held-out gold pairs.</summary>
    public IReadOnlyList<TextPair> Gold => GymRewardData.GoldPairs(data.Samples, data.HeldOut);

    /// <summary>Gold accuracy of a reward model trained on <see cref="Train"/>, of length and of the bag-of-words proxy.</summary>
    public (double RewardModel, double Length, double BagOfWords) Accuracies(GymRewardOptions options)
    {
        var gold = Gold;
        using var model = GymRewardTrainer.Train(Train, Tokenizer, options);
        var bag = BagOfWordsReward.Fit(Train.Select(p => (p.Chosen, p.Rejected, false)).ToList());
        return (GymRewardEvaluation.GoldAccuracy(gold, model.ScoreMany), GymRewardEvaluation.LengthAccuracy(gold),
            GymRewardEvaluation.GoldAccuracy(gold, items => items.Select(i => bag.Score(i.Completion)).ToArray()));
    }

    /// <summary>Gold accuracy under <paramref name="flipRate"/> label noise: plain Bradley–Terry, then the de-biased loss with ε = flip rate.</summary>
    public (double BradleyTerry, double Debiased) NoisyAccuracies(double flipRate, GymRewardOptions options)
    {
        var noisy = GymRewardData.Flip(Train, flipRate, seed + 7);
        var gold = Gold;
        double Accuracy(RewardObjectiveOptions objective)
        {
            using var model = GymRewardTrainer.Train(noisy, Tokenizer, options with { Objective = objective });
            return GymRewardEvaluation.GoldAccuracy(gold, model.ScoreMany);
        }
        return (Accuracy(new RewardObjectiveOptions { Loss = RewardLossKind.BradleyTerry }),
            Accuracy(new RewardObjectiveOptions { Loss = RewardLossKind.Debiased, FlipRate = flipRate }));
    }

    /// <summary>
    /// Best-of-N curves (gold of the pick for N = 1..<paramref name="n"/> on <paramref name="bonPrompts"/> fresh prompts) for member 0
    /// alone and for the ensemble under mean, WCO and UWO (λ = <paramref name="uncertaintyPenalty"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double[]> BestOfN(int members, int bonPrompts, int n, GymRewardOptions options,
        double uncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
    {
        var ensemble = GymRewardTrainer.TrainEnsemble(members, Train, Tokenizer, options);
        try
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
        finally
        {
            foreach (var member in ensemble) member.Dispose();
        }
    }
}
