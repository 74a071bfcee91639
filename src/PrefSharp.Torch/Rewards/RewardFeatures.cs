using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// What a reward model's head reads: the backbone's last hidden state at the last real token of each sequence (the
/// pooled representation of <see cref="RewardModel.forward"/>), as plain doubles, for probing what the model encodes.
/// </summary>
public static class RewardFeatures
{
    /// <summary>One row of width d per sequence, in input order.</summary>
    public static double[][] Pooled(RewardModel model, IReadOnlyList<TokenizedSequence> sequences, int batchSize = 16)
    {
        var rows = new double[sequences.Count][];
        RewardScorer.InBatches(model, sequences, batchSize, (batch, start) =>
        {
            var pooled = LastTokenPooling.Pool(model.Backbone.forward_hidden(batch.InputIds, batch.AttentionMask), batch.AttentionMask)
                .to(ScalarType.Float64).cpu();
            var width = (int)pooled.shape[1];
            var values = pooled.data<double>().ToArray();
            for (var i = 0; i < pooled.shape[0]; i++) rows[start + i] = values[(i * width)..((i + 1) * width)];
        });
        return rows;
    }
}
