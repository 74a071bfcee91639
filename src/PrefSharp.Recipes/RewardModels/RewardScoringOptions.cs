using PrefSharp.Core.Data;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>One <see cref="RewardScoringRecipe"/> run: the model folder, the pairs, and how to encode and batch them.</summary>
public sealed record RewardScoringOptions
{
    /// <summary>A reward model folder: scalar, General Preference Model, or multi-objective (train-armo).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The pairs whose completions are scored.</summary>
    public required IReadOnlyList<PreferencePair> Pairs { get; init; }

    /// <summary>Each prompt + completion keeps its last this many tokens.</summary>
    public int MaxLength { get; init; } = 1024;

    /// <summary>Sequences per forward pass.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Report (r − mean)/std with the model's stored statistics (scalar models only).</summary>
    public bool Normalize { get; init; }

    /// <summary>How an ensemble folder's members combine (mean, WCO, UWO); their rewards are always normalised.</summary>
    public RewardEnsembleChoice Ensemble { get; init; } = new();

    /// <summary>A pluralistic model's user (annotator id) to score for; null: each pair's own annotator.</summary>
    public string? User { get; init; }

    /// <summary>A direction over a multi-objective model's objectives (comma-separated, DPA); null: the gated reward.</summary>
    public string? Direction { get; init; }
}
