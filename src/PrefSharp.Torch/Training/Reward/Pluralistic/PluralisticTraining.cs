using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.Pluralistic;

/// <summary>
/// Trains a <see cref="PluralisticRewardModel"/> on the shared <see cref="Trainer{TBatch}"/> with
/// <see cref="PluralisticObjective"/>; checkpoints hold the reward model and its head (<see cref="PluralisticCheckpoint"/>).
/// </summary>
public static class PluralisticTraining
{
    /// <summary>Trains in place; evaluation on <paramref name="heldOut"/> when it has pairs; resumes from the newest checkpoint when asked.</summary>
    public static TrainingResult Train(PluralisticRewardModel model, IReadOnlyList<UserPair> train, IReadOnlyList<UserPair>? heldOut,
        TrainingOptions options, ProgressReporter? progress = null, bool resume = false)
    {
        var padId = model.Model.PadId;
        var source = new MicroBatchSource<UserPair, UserPairBatch>(train, b => UserPairBatch.Collate(b, padId), options.MicroBatchSize, options.Seed);
        var evaluation = heldOut is { Count: > 0 }
            ? new MicroBatchSource<UserPair, UserPairBatch>(heldOut, b => UserPairBatch.Collate(b, padId), 32, 0, shuffle: false)
            : null;
        var trainable = new TrainableModel(model, directory => PluralisticCheckpoint.Save(model, directory),
            directory => PluralisticCheckpoint.LoadWeights(model, directory));
        using var loop = new Trainer<UserPairBatch>(trainable, new PluralisticObjective(model), source, options, evaluation,
            UserPairBatch.CountTokens, progress ?? ProgressReporter.Silent);
        if (resume && !loop.ResumeFromLatest()) (progress ?? ProgressReporter.Silent).Message($"--resume: no checkpoint in {options.OutputDirectory}; starting from step 0");
        return loop.Run();
    }

    /// <summary>Head outputs of <paramref name="pairs"/> (B rows, in order), without gradients, <paramref name="batchSize"/> pairs per pass.</summary>
    public static PairOutputs Outputs(PluralisticRewardModel model, IReadOnlyList<UserPair> pairs, int batchSize)
    {
        using var noGrad = no_grad();
        var parts = pairs.Chunk(batchSize).Select(chunk =>
        {
            using var batch = UserPairBatch.Collate(chunk, model.Model.PadId);
            var o = model.Outputs(batch.Pairs);
            return (o.Chosen.detach(), o.Rejected.detach(), o.Prompt.detach());
        }).ToList();
        return new PairOutputs(cat(parts.Select(p => p.Item1).ToList(), 0), cat(parts.Select(p => p.Item2).ToList(), 0), cat(parts.Select(p => p.Item3).ToList(), 0));
    }

    /// <summary>Preference logits (B) of <paramref name="pairs"/>, each under its own user's mixture (ℓ = 0 for an unknown user).</summary>
    public static double[] Logits(PluralisticRewardModel model, IReadOnlyList<UserPair> pairs, int batchSize)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var outputs = Outputs(model, pairs, batchSize);
        var users = model.Head.UserLogits(tensor(pairs.Select(p => (long)p.User).ToArray(), ScalarType.Int64));
        return model.Logits(outputs, users).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }
}
