using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Games;

/// <summary>
/// MNPO's opponents over time (Wu et al. 2025, Sec. 3.2): the log-probabilities of the last n policies π_t, π_{t−1},
/// …, π_{t−n+1} of a tabular policy over K answers, newest first, weighted equally (λ_j = 1/n over those held).
/// </summary>
public sealed class PolicyPopulation : IDisposable
{
    private readonly LinkedList<Tensor> members = new();

    /// <param name="capacity">n ≥ 1, the policies kept.</param>
    /// <param name="first">The first policy's log-probabilities (K), copied.</param>
    public PolicyPopulation(int capacity, Tensor first)
    {
        if (capacity < 1) throw new ArgumentException($"the population must hold ≥ 1 policy, found {capacity}", nameof(capacity));
        Capacity = capacity;
        Add(first);
    }

    /// <summary>n.</summary>
    public int Capacity { get; }

    /// <summary>Policies held now (≤ n).</summary>
    public int Count => members.Count;

    /// <summary>log π_t (K), the newest member.</summary>
    public Tensor Latest => members.First!.Value;

    /// <summary>Adds <paramref name="logProbs"/> (K, copied) as π_{t+1}; the oldest member leaves when n are held.</summary>
    public void Add(Tensor logProbs)
    {
        members.AddFirst(logProbs.detach().clone().DetachFromDisposeScope());
        if (members.Count <= Capacity) return;
        members.Last!.Value.Dispose();
        members.RemoveLast();
    }

    /// <summary>log π_{t−j}(a_b) for <paramref name="actions"/> (B): (B, Count).</summary>
    public Tensor LogProbsOf(Tensor actions) => stack(members.Select(m => m.index_select(0, actions)), 1);

    /// <summary>λ (Count), equal weights summing to 1.</summary>
    public Tensor Weights() => full(Count, 1.0 / Count, ScalarType.Float64);

    public void Dispose()
    {
        foreach (var member in members) member.Dispose();
        members.Clear();
    }
}
