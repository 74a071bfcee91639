using PrefSharp.Torch.Generation;
using static TorchSharp.torch;

namespace PrefSharp.Server.Batching;

/// <summary>
/// Draws the next token of every row of the running batch through <see cref="TokenSampler"/> (the draws
/// <c>prefsharp generate</c> makes): the rows of a seeded job together, in row order, from the job's own generator, so
/// its tokens do not depend on the other rows; the remaining rows together per (temperature, top-p) from the batcher's.
/// </summary>
internal static class RowSampler
{
    /// <summary>logits (B, V) of <paramref name="rows"/> → each row's token and its log-probability, on the host.</summary>
    public static (long[] Tokens, float[] LogProbs) Sample(Tensor logits, IReadOnlyList<BatchRow> rows)
    {
        var tokens = new long[rows.Count];
        var logProbs = new float[rows.Count];
        var groups = Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Job.Seeded
            ? (rows[i].Job, 0.0, 0.0)
            : ((RunningJob?)null, rows[i].Job.Options.Temperature, rows[i].Job.Options.TopP));
        foreach (var group in groups)
        {
            using var scope = NewDisposeScope();
            var members = group.ToArray();
            var job = rows[members[0]].Job;
            var part = members.Length == rows.Count ? logits
                : logits.index_select(0, tensor(members.Select(i => (long)i).ToArray(), ScalarType.Int64, logits.device));  // (b, V)
            var (drawn, drawnLogProbs) = TokenSampler.Next(part, job.Options, job.Generator);                             // (b), (b)
            var ids = drawn.cpu().data<long>().ToArray();
            var scores = drawnLogProbs.cpu().data<float>().ToArray();
            for (var k = 0; k < members.Length; k++) (tokens[members[k]], logProbs[members[k]]) = (ids[k], scores[k]);
        }
        return (tokens, logProbs);
    }
}
