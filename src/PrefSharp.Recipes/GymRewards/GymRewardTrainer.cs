using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>
/// Trains reward models on gym text pairs with the shared loop (<see cref="RewardTraining"/>): a fresh backbone of
/// <see cref="GymRewardOptions.Preset"/> for the tokenizer, or one the caller builds (from an SFT checkpoint); with
/// <see cref="GymRewardOptions.PeerReview"/> a second one is built the same way, trained as its peer and discarded.
/// Returns <see cref="RewardModelProxy"/> scorers; an ensemble is K members from seeds Seed, Seed + 1, ….
/// </summary>
public static class GymRewardTrainer
{
    /// <summary>One model trained on <paramref name="pairs"/>; <paramref name="create"/> builds the untrained model (default: the preset).</summary>
    public static RewardModelProxy Train(IReadOnlyList<TextPair> pairs, ITokenizer tokenizer, GymRewardOptions options, Func<RewardModel>? create = null)
    {
        if (pairs.Count == 0) throw new ArgumentException("pairs: at least one training pair is needed", nameof(pairs));
        manual_seed(options.Seed);
        RewardModel Create() => create?.Invoke() ?? new RewardModel(new RewardModelConfig
        {
            Backbone = RewardModelPresets.Backbone(options.Preset, tokenizer, Math.Max(options.MaxLength, 64)),
        });
        var model = Create();
        using var peer = options.PeerReview is null ? null : Create();
        try
        {
            var examples = pairs.Select(p => new TokenizedPair(RewardModelProxy.Encode(tokenizer, p.Prompt, p.Chosen, options.MaxLength),
                RewardModelProxy.Encode(tokenizer, p.Prompt, p.Rejected, options.MaxLength))).ToList();
            var training = new TrainingOptions
            {
                LearningRate = options.LearningRate, MaxSteps = options.Steps, MicroBatchSize = options.BatchSize, WarmupSteps = Math.Min(10, options.Steps / 10),
                Seed = options.Seed, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = Math.Max(1, options.Steps),
                OutputDirectory = options.OutputDirectory ?? Directory.CreateTempSubdirectory("prefsharp-gym-rm-").FullName,
            };
            try
            {
                if (peer is null) RewardTraining.Train(model, examples, null, options.Objective, training);
                else PeerReviewTraining.Train(model, peer, examples, null, options.Objective, options.PeerReview!, training);
            }
            finally
            {
                if (options.OutputDirectory is null) Directory.Delete(training.OutputDirectory, recursive: true);   // the model stays in memory
            }
            return new RewardModelProxy(model, tokenizer, options.MaxLength);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>K members, member k trained with seed <c>Seed + k</c> (initialisation and data order differ).</summary>
    public static IReadOnlyList<RewardModelProxy> TrainEnsemble(int members, IReadOnlyList<TextPair> pairs, ITokenizer tokenizer, GymRewardOptions options)
    {
        if (members < 2) throw new ArgumentException($"members must be ≥ 2, found {members}", nameof(members));
        return Enumerable.Range(0, members).Select(k => Train(pairs, tokenizer, options with
        {
            Seed = options.Seed + k,
            OutputDirectory = options.OutputDirectory is { } dir ? Path.Combine(dir, $"member-{k}") : null,
        })).ToList();
    }

    /// <summary>
    /// Scores of an ensemble, aggregated (<see cref="EnsembleAggregation"/>, Coste et al. 2023, Eq. 2–3) from each
    /// member's normalised rewards.
    /// </summary>
    public static double[] ScoreEnsemble(IReadOnlyList<RewardModelProxy> members, IReadOnlyList<(string Prompt, string Completion)> items,
        EnsembleAggregationKind kind, double uncertaintyPenalty = EnsembleAggregation.DefaultUncertaintyPenalty)
        => EnsembleAggregation.Aggregate(members.Select(m => m.ScoreMany(items)).ToList(), kind, uncertaintyPenalty);
}
