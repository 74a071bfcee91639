using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Pairwise preferences of any reward model on the logit scale, so evaluation and pairwise rewards need not know the
/// head: a scalar model gives log-odds r_a − r_b (Bradley–Terry); a General Preference Model gives s(a ≻ b)/β =
/// ⟨R(x) v_a, v_b⟩/β (Zhang et al. 2024, Eq. 4–5), which need not be a difference of any scalar. Evaluation mode, no
/// gradients, batched; results as plain doubles in input order.
/// </summary>
public static class PreferenceLogits
{
    /// <summary>logit P(a ≻ b) for each pair; the gate of a GPM reads the prompt from the A side.</summary>
    public static double[] Pairs(RewardModel model, IReadOnlyList<(TokenizedSequence A, TokenizedSequence B)> pairs, int batchSize = 16)
    {
        if (pairs.Count == 0) return [];
        if (!model.Config.IsGeneralPreference)
        {
            var a = RewardScorer.Score(model, pairs.Select(p => p.A).ToList(), batchSize);
            var b = RewardScorer.Score(model, pairs.Select(p => p.B).ToList(), batchSize);
            return a.Zip(b, (x, y) => x - y).ToArray();
        }
        using var scope = NewDisposeScope();
        var (embeddingsA, eigenvalues) = Embeddings(model, pairs.Select(p => p.A).ToList(), batchSize);
        var (embeddingsB, _) = Embeddings(model, pairs.Select(p => p.B).ToList(), batchSize);
        var score = GeneralPreferenceLoss.Score(embeddingsA, embeddingsB, eigenvalues).div(model.Config.GeneralPreference!.Beta);
        return score.data<double>().ToArray();
    }

    /// <summary>
    /// P[b, i, j] = P(y_i ≻ y_j) (B, G, G) float64 for groups of G completions of one prompt each: σ(r_i − r_j) for a
    /// scalar model, the GPM preference for a GPM (one forward per completion, G² products; the gate reads the prompt of
    /// the group's first completion).
    /// </summary>
    public static Tensor Groups(RewardModel model, IReadOnlyList<IReadOnlyList<TokenizedSequence>> groups, int batchSize = 16)
    {
        if (groups.Count == 0) throw new ArgumentException("no groups", nameof(groups));
        var size = groups[0].Count;
        if (size < 2 || groups.Any(g => g.Count != size))
            throw new ArgumentException($"groups must share one size G ≥ 2, found [{string.Join(", ", groups.Select(g => g.Count))}]", nameof(groups));
        var flat = groups.SelectMany(g => g).ToList();
        if (!model.Config.IsGeneralPreference)
        {
            var rewards = RewardScorer.Score(model, flat, batchSize);
            using var scalarScope = NewDisposeScope();
            return PairwisePreferences.BradleyTerry(tensor(rewards).view(groups.Count, size)).MoveToOuterDisposeScope();
        }
        using var scope = NewDisposeScope();
        var (embeddings, eigenvalues) = Embeddings(model, flat, batchSize);
        var firstOfGroup = eigenvalues?.view(groups.Count, size, -1).select(1, 0);                // (B, k)
        return PairwisePreferences.GeneralPreference(embeddings.view(groups.Count, size, -1), firstOfGroup, model.Config.GeneralPreference!.Beta)
            .MoveToOuterDisposeScope();
    }

    /// <summary>GPM embeddings (N, 2k) and gate eigenvalues (N, k) or null, float64 on the CPU, in the caller's dispose scope.</summary>
    public static (Tensor Embeddings, Tensor? Eigenvalues) Embeddings(RewardModel model, IReadOnlyList<TokenizedSequence> sequences, int batchSize = 16)
    {
        var embeddings = new List<double>();
        var eigenvalues = new List<double>();
        RewardScorer.InBatches(model, sequences, batchSize, (batch, _) =>
        {
            var (v, lambda) = model.GeneralPreferenceOutputs(batch.InputIds, batch.AttentionMask, batch.LossMask);
            embeddings.AddRange(v.to(ScalarType.Float64).cpu().data<double>().ToArray());
            if (lambda is not null) eigenvalues.AddRange(lambda.to(ScalarType.Float64).cpu().data<double>().ToArray());
        });
        var width = model.Config.NumLabels;
        return (tensor(embeddings.ToArray()).view(sequences.Count, width),
            eigenvalues.Count == 0 ? null : tensor(eigenvalues.ToArray()).view(sequences.Count, width / 2));
    }
}
