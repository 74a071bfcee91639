using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>Per-pair numbers read from <see cref="PairForward"/> passes over a list of pairs, in order, without gradient.</summary>
public static class PairColumns
{
    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="pairs"/> in batches of <paramref name="batchSize"/> and returns,
    /// for each tensor (B) that <paramref name="read"/> takes from a pass, its values for every pair as float64.
    /// </summary>
    public static double[][] Compute(ICausalLM model, IReadOnlyList<TokenizedPair> pairs, int padId, int batchSize,
        Func<PairForwardResult, Tensor[]> read)
    {
        if (batchSize < 1) throw new ArgumentException($"batchSize must be ≥ 1, found {batchSize}", nameof(batchSize));
        using var noGrad = no_grad();
        List<double>[]? columns = null;
        for (var start = 0; start < pairs.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            using var batch = TokenizedPair.Collate([.. pairs.Skip(start).Take(batchSize)], padId);
            var values = read(PairForward.Compute(model, batch));
            columns ??= [.. values.Select(_ => new List<double>(pairs.Count))];
            for (var c = 0; c < values.Length; c++) columns[c].AddRange(values[c].to(ScalarType.Float64).cpu().data<double>().ToArray());
        }
        return columns is null ? [] : [.. columns.Select(c => c.ToArray())];
    }

    /// <summary>Per-sequence log π(y_w|x) and log π(y_l|x) of every pair.</summary>
    public static (double[] Chosen, double[] Rejected) LogProbs(ICausalLM model, IReadOnlyList<TokenizedPair> pairs, int padId, int batchSize)
    {
        var columns = Compute(model, pairs, padId, batchSize, f => [f.Chosen.PerSequence, f.Rejected.PerSequence]);
        return columns.Length == 0 ? ([], []) : (columns[0], columns[1]);
    }
}
