namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>Options of <see cref="GeneralPreferenceModel"/>; defaults chosen for item-level leaderboards (tens of items).</summary>
public sealed record GeneralPreferenceOptions
{
    /// <summary>Embedding dimension 2k (even). Default 2 (k = 1), which already nests Bradley–Terry and represents cycles.</summary>
    public int Dimension { get; init; } = 2;
    /// <summary>Full-batch Adam iterations. Default 3000.</summary>
    public int Iterations { get; init; } = 3000;
    /// <summary>Adam learning rate. Default 0.05.</summary>
    public double LearningRate { get; init; } = 0.05;
    /// <summary>L2 penalty (λ/2)·‖V‖² on the embeddings, for finite solutions under separation. Default 1e-4.</summary>
    public double L2Penalty { get; init; } = 1e-4;
    /// <summary>Scale of the random initial perturbation. Default 0.3.</summary>
    public double InitialNoise { get; init; } = 0.3;
    /// <summary>Seed of the random initial perturbation. Default 0.</summary>
    public int Seed { get; init; }
}
