using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Scores tokenized sequences with a scalar reward model in batches (right-padded, evaluation mode, no gradients),
/// returning plain doubles in input order; normalised with the model's stored mean and std when asked.
/// </summary>
public static class RewardScorer
{
    /// <summary>Rewards of <paramref name="sequences"/>, <paramref name="batchSize"/> at a time.</summary>
    public static double[] Score(RewardModel model, IReadOnlyList<TokenizedSequence> sequences, int batchSize = 16, bool normalize = false)
    {
        var rewards = new double[sequences.Count];
        InBatches(model, sequences, batchSize, (batch, start) =>
        {
            var scores = model.Rewards(batch.InputIds, batch.AttentionMask);
            if (normalize) scores = model.Normalize(scores);
            scores.to(ScalarType.Float64).cpu().data<double>().ToArray().CopyTo(rewards, start);
        });
        return rewards;
    }

    /// <summary>
    /// Runs <paramref name="step"/> on right-padded batches of <paramref name="sequences"/> (with the index of each batch's
    /// first sequence) in evaluation mode without gradients, each batch in its own dispose scope; restores training mode.
    /// </summary>
    public static void InBatches(RewardModel model, IReadOnlyList<TokenizedSequence> sequences, int batchSize, Action<SequenceBatch, int> step)
    {
        if (batchSize < 1) throw new ArgumentException($"batchSize must be ≥ 1, found {batchSize}", nameof(batchSize));
        var wasTraining = model.training;
        model.eval();
        try
        {
            for (var start = 0; start < sequences.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                using var batch = SequenceBatch.Collate(sequences.Skip(start).Take(batchSize).ToList(), model.PadId);
                step(batch, start);
            }
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
