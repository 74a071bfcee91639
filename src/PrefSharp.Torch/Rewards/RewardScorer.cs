using PrefSharp.Torch.Training.Batches;
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
        if (batchSize < 1) throw new ArgumentException($"batchSize must be ≥ 1, found {batchSize}", nameof(batchSize));
        var padId = (int)(model.Config.Backbone.PadTokenId ?? model.Config.Backbone.EosTokenIds.FirstOrDefault());
        var rewards = new double[sequences.Count];
        var wasTraining = model.training;
        model.eval();
        try
        {
            for (var start = 0; start < sequences.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var chunk = sequences.Skip(start).Take(batchSize).ToList();
                using var batch = SequenceBatch.Collate(chunk, padId);
                var scores = model.Rewards(batch.InputIds, batch.AttentionMask);
                if (normalize) scores = model.Normalize(scores);
                scores.to(ScalarType.Float64).data<double>().ToArray().CopyTo(rewards, start);
            }
        }
        finally
        {
            if (wasTraining) model.train();
        }
        return rewards;
    }
}
