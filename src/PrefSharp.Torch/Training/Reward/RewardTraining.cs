using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// Trains a reward model with the shared <see cref="Trainer{TBatch}"/> and <see cref="RewardObjective"/>, then records
/// the mean and standard deviation of its raw rewards on the training completions (Coste et al. 2023 normalise each
/// ensemble member this way before aggregating). Ensembles are K members trained on the same pairs from different
/// seeds (initialisation and data order), as in Coste et al. 2023, §4.
/// </summary>
public static class RewardTraining
{
    /// <summary>
    /// A loop-ready view of a reward model, saved and reloaded as a Hugging Face seq-cls checkpoint; with a fitted
    /// Rao–Kupper <paramref name="tieThreshold"/> the loop optimises both (<see cref="RewardTrainingModule"/>) and every
    /// checkpoint also holds η: in config.json (<c>prefsharp_tie_threshold</c>) and bit for bit in <see cref="TieThreshold.FileName"/>.
    /// </summary>
    public static TrainableModel Trainable(RewardModel model, TieThreshold? tieThreshold = null) => tieThreshold is null
        ? new(model, directory => RewardCheckpoint.Save(model, directory), directory => RewardCheckpoint.LoadWeights(model, directory))
        : new(new RewardTrainingModule(model, tieThreshold), directory =>
        {
            model.SetTieThreshold(tieThreshold.Current);
            RewardCheckpoint.Save(model, directory);
            tieThreshold.Save(directory);
        }, directory =>
        {
            RewardCheckpoint.LoadWeights(model, directory);
            tieThreshold.Load(directory);
            model.SetTieThreshold(tieThreshold.Current);
        });

    /// <summary>
    /// Trains <paramref name="model"/> in place (<see cref="RewardTrainer"/>); evaluation on <paramref name="heldOut"/> when
    /// given; with <paramref name="resume"/> it first continues from the newest checkpoint in the output folder. Returns the loop's result.
    /// </summary>
    public static TrainingResult Train(RewardModel model, IReadOnlyList<TokenizedPair> train, IReadOnlyList<TokenizedPair>? heldOut,
        RewardObjectiveOptions objective, TrainingOptions options, ProgressReporter? progress = null, bool resume = false)
    {
        using var trainer = new RewardTrainer(model, train, heldOut, objective, options, progress);
        if (resume) trainer.ResumeFromLatest();
        return trainer.Run();
    }

    /// <summary>
    /// The pairwise objective for <paramref name="objective"/>'s loss: <see cref="GeneralPreferenceObjective"/> for a GPM
    /// (which needs a GPM head), else <see cref="RewardObjective"/> (which needs a scalar head).
    /// </summary>
    public static ITrainingObjective<PairBatch> Objective(RewardModel model, RewardObjectiveOptions objective, TieThreshold? tieThreshold = null)
    {
        var gpm = objective.Loss == RewardLossKind.GeneralPreference;
        if (gpm != model.Config.IsGeneralPreference)
            throw new ArgumentException(gpm
                ? "--loss gpm trains a General Preference head: build the model with RewardModelConfig.GeneralPreference set"
                : $"--loss {objective.Loss} trains a scalar reward, but this model has a General Preference head (use --loss gpm)", nameof(model));
        return gpm ? new GeneralPreferenceObjective(model) : new RewardObjective(model, objective, tieThreshold);
    }

    /// <summary>
    /// K members built by <paramref name="create"/> (called with member index k after <c>torch.manual_seed(seed + k)</c>),
    /// each trained with seed <c>options.Seed + k</c> into <c>options.OutputDirectory/member-k</c> (resumed from there when asked).
    /// </summary>
    public static RewardEnsemble TrainEnsemble(int members, Func<int, RewardModel> create, IReadOnlyList<TokenizedPair> train,
        IReadOnlyList<TokenizedPair>? heldOut, RewardObjectiveOptions objective, TrainingOptions options, ProgressReporter? progress = null,
        bool resume = false)
    {
        if (members < 2) throw new ArgumentException($"--ensemble must be ≥ 2 members, found {members}", nameof(members));
        var trained = new List<RewardModel>();
        for (var k = 0; k < members; k++)
        {
            TorchSharp.torch.manual_seed(options.Seed + k);
            var member = create(k);
            trained.Add(member);
            Train(member, train, heldOut, objective,
                options with { Seed = options.Seed + k, OutputDirectory = Path.Combine(options.OutputDirectory, $"member-{k}") }, progress, resume);
        }
        return new RewardEnsemble(trained);
    }

    /// <summary>Stores mean and std of raw rewards over (up to 512 of) the training completions, both sides.</summary>
    public static void Normalize(RewardModel model, IReadOnlyList<TokenizedPair> examples)
    {
        var sequences = examples.Take(256).SelectMany(e => new[] { e.Chosen, e.Rejected }).ToList();
        var rewards = RewardScorer.Score(model, sequences, 32);
        var mean = rewards.Average();
        var std = Math.Sqrt(rewards.Sum(r => (r - mean) * (r - mean)) / rewards.Length);
        model.SetNormalization(mean, std > 1e-8 ? std : 1.0);
    }
}
