using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Iteration-level ("continuous") batching over one causal LM (Yu et al. 2022, "Orca: A Distributed Serving System for
/// Transformer-Based Generative Models", OSDI, Sec. 3.2 iteration-level scheduling): a running batch whose rows join and
/// leave between decoding steps, so a finished row frees its place at once and a new prompt does not wait for the batch.
/// <para>
/// Rows are right-aligned in one key/value cache of S columns: a row with n cached tokens holds them in the last n
/// columns and masks the S − n before them. Position ids count a row's real tokens (<see cref="ICausalLM"/>), so each
/// row sees the positions and the keys it would see decoded alone. <see cref="Join"/> prefills the new prompts together
/// (left-padded) and stacks their caches below the running rows, the shorter side padded on the left;
/// <see cref="Leave"/> keeps the other rows and drops the leading columns no remaining row uses, so S stays the
/// longest row. Each row declares how many more steps it may take, which sizes the cache.
/// </para>
/// Inference only (no_grad); not thread-safe: one decoding thread owns it.
/// </summary>
public sealed class ContinuousBatch(ICausalLM model) : IDisposable
{
    private readonly List<Row> rows = [];
    private KvCache? cache;
    private Tensor? mask;  // (B, capacity) int64: 1 at a row's real tokens; columns [0, S) in use

    /// <summary>Rows in the batch, in order: running rows first, each join appended after them.</summary>
    public int Count => rows.Count;

    /// <summary>Cache columns in use: the most tokens any row holds.</summary>
    public long Columns => cache?.Length ?? 0;

    /// <summary>
    /// Appends one row per prompt (token ids, at least one each) and returns their next-token logits (n, V), from one
    /// forward over the prompts; row i may then take <paramref name="steps"/>[i] more <see cref="Step"/>s.
    /// </summary>
    public Tensor Join(IReadOnlyList<IReadOnlyList<long>> prompts, IReadOnlyList<int> steps)
    {
        if (prompts.Count != steps.Count || steps.Any(s => s < 0))
            throw new ArgumentException($"one step budget ≥ 0 per prompt: {prompts.Count} prompts, budgets [{string.Join(", ", steps)}]", nameof(steps));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (ids, promptMask) = PromptBatch.LeftPad(prompts, padTokenId: 0);                 // (n, P): padding is masked
        var width = ids.shape[1];
        var alone = rows.Count == 0;
        var joining = model.NewCache(alone ? width + Math.Max(1, steps.Max()) : width);
        try
        {
            var logits = model.forward(ids, promptMask, joining, logitsToKeep: 1).Logits.squeeze(1);   // (n, V)
            var added = prompts.Select((p, i) => new Row(p.Count, steps[i])).ToList();
            if (alone)
            {
                rows.AddRange(added);
                (cache, joining) = (joining, null);
                Adopt(promptMask);
            }
            else
            {
                Rebuild(keep: null, joining, promptMask, added);
            }
            return logits.MoveToOuterDisposeScope();
        }
        finally
        {
            joining?.Dispose();
        }
    }

    /// <summary>Feeds each row its next token (B) int64 and returns the logits (B, V) of the token after it.</summary>
    public Tensor Step(Tensor tokens)
    {
        if (cache is null || mask is null) throw new InvalidOperationException("the batch has no rows");
        if (tokens.shape.Length != 1 || tokens.shape[0] != rows.Count)
            throw new ArgumentException($"one token per row: {rows.Count} rows, tokens [{string.Join(", ", tokens.shape)}]", nameof(tokens));
        if (rows.FindIndex(r => r.Remaining == 0) is var spent and >= 0)
            throw new InvalidOperationException($"row {spent} has taken every step it declared");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var columns = cache.Length;
        mask.narrow(1, columns, 1).fill_(1);
        var logits = model.forward(tokens.view(rows.Count, 1), mask.narrow(1, 0, columns + 1), cache, logitsToKeep: 1).Logits;  // (B, 1, V)
        foreach (var row in rows) row.Advance();
        return logits.squeeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>Removes the rows at <paramref name="indices"/>; the others keep their order.</summary>
    public void Leave(IReadOnlyCollection<int> indices)
    {
        if (indices.Count == 0) return;
        if (indices.Any(i => i < 0 || i >= rows.Count)) throw new ArgumentOutOfRangeException(nameof(indices), $"rows are 0 … {rows.Count - 1}");
        var keep = Enumerable.Range(0, rows.Count).Where(i => !indices.Contains(i)).ToArray();
        if (keep.Length == 0)
        {
            Clear();
            return;
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Rebuild(keep, null, null, []);
    }

    public void Dispose() => Clear();

    private void Clear()
    {
        rows.Clear();
        cache?.Dispose();
        mask?.Dispose();
        (cache, mask) = (null, null);
    }

    /// <summary>Takes the prefill's mask as the running mask, sized to the cache's capacity.</summary>
    private void Adopt(Tensor promptMask)
    {
        var owned = zeros(promptMask.shape[0], cache!.Capacity, ScalarType.Int64, promptMask.device);
        owned.narrow(1, 0, promptMask.shape[1]).copy_(promptMask);
        mask = owned.DetachFromDisposeScope();
    }

    /// <summary>
    /// A new cache and mask holding the <paramref name="keep"/> rows (all when null) and then the <paramref name="joining"/>
    /// rows, right-aligned over max(their lengths) columns, with room for every row's remaining steps.
    /// </summary>
    private void Rebuild(int[]? keep, KvCache? joining, Tensor? joiningMask, IReadOnlyList<Row> added)
    {
        var kept = keep is null ? rows.ToList() : [.. keep.Select(i => rows[i])];
        var keptColumns = kept.Max(r => r.Cached);
        var columns = Math.Max(keptColumns, added.Count == 0 ? 0 : joining!.Length);
        var index = keep is null ? null : tensor(keep.Select(i => (long)i).ToArray(), ScalarType.Int64, mask!.device);
        Tensor Old(Tensor t, int dim) => RightAlign((index is null ? t : t.index_select(0, index)).narrow(dim, Columns - keptColumns, keptColumns), dim, columns);
        Tensor Stack(Tensor old, Tensor? joined, int dim) => joined is null ? Old(old, dim) : cat([Old(old, dim), RightAlign(joined, dim, columns)], 0);

        var all = kept.Concat(added).ToList();
        var capacity = columns + Math.Max(1, all.Max(r => r.Remaining));
        var next = model.NewCache(capacity);
        for (var layer = 0; layer < next.NumLayers; layer++)
        {
            var (keys, values) = cache!.Stored(layer)!.Value;                                   // (B, H_kv, S, D)
            var incoming = joining?.Stored(layer);
            next.Append(layer, Stack(keys, incoming?.Keys, 2), Stack(values, incoming?.Values, 2));
        }
        next.Advance(columns);
        var nextMask = zeros(all.Count, capacity, ScalarType.Int64, mask!.device);
        nextMask.narrow(1, 0, columns).copy_(Stack(mask.narrow(1, 0, Columns), joiningMask, 1));
        Clear();
        (cache, mask) = (next, nextMask.DetachFromDisposeScope());
        rows.AddRange(all);
    }

    /// <summary><paramref name="t"/> padded with zeros on the left of dimension <paramref name="dim"/> to <paramref name="columns"/>.</summary>
    private static Tensor RightAlign(Tensor t, int dim, long columns)
    {
        var missing = columns - t.shape[dim];
        if (missing == 0) return t;
        var shape = t.shape.ToArray();
        shape[dim] = missing;
        return cat([zeros(shape, t.dtype, t.device), t], dim);
    }

    /// <summary>A row's tokens in the cache and the steps it may still take.</summary>
    private sealed class Row(long cached, int remaining)
    {
        public long Cached { get; private set; } = cached;

        public int Remaining { get; private set; } = remaining;

        public void Advance() => (Cached, Remaining) = (Cached + 1, Remaining - 1);
    }
}
