using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// A reward model: a decoder backbone, a head and the statistics used to normalise its rewards. Saved in
/// <c>config.json</c> as a Hugging Face sequence-classification config (see <see cref="RewardModelConfigJson"/>).
/// </summary>
public sealed record RewardModelConfig
{
    /// <summary>The decoder architecture (the backbone's own fields of <c>config.json</c>).</summary>
    public required ModelConfig Backbone { get; init; }

    /// <summary>The head; <c>prefsharp_reward_head</c> ("linear" or "mlp"). Default linear, as in Hugging Face.</summary>
    public RewardHeadKind Head { get; init; } = RewardHeadKind.Linear;

    /// <summary>Hidden width h of the MLP head; <c>prefsharp_reward_head_hidden_size</c>; 0 means d.</summary>
    public int HeadHiddenSize { get; init; }

    /// <summary>Outputs per sequence; <c>num_labels</c>. 1 for a scalar reward; k for multi-objective or GPM heads.</summary>
    public int NumLabels { get; init; } = 1;

    /// <summary>Mean of the raw rewards on reference data; <c>prefsharp_reward_mean</c>; 0 until measured.</summary>
    public double RewardMean { get; init; }

    /// <summary>Standard deviation of the raw rewards; <c>prefsharp_reward_std</c>; 1 until measured.</summary>
    public double RewardStd { get; init; } = 1.0;

    /// <summary>
    /// Set when the head is a General Preference Model (num_labels = 2k preference embeddings instead of rewards);
    /// null for scalar and multi-output reward heads.
    /// </summary>
    public GeneralPreferenceConfig? GeneralPreference { get; init; }

    /// <summary>
    /// The Rao–Kupper tie threshold η ≥ 0 fitted with the model (<c>prefsharp_tie_threshold</c>): P(tie) =
    /// (e^{2η} − 1)·σ(Δ − η)·σ(−Δ − η). Null when the model was not trained on ties.
    /// </summary>
    public double? TieThreshold { get; init; }

    /// <summary>True for a General Preference Model head.</summary>
    public bool IsGeneralPreference => GeneralPreference is not null;

    /// <summary>The MLP head's hidden width after resolving 0 to the backbone width.</summary>
    public int ResolvedHeadHiddenSize => HeadHiddenSize > 0 ? HeadHiddenSize : Backbone.HiddenSize;

    /// <summary>Checks the head fields; throws <see cref="ArgumentException"/> naming the JSON field. Returns this config.</summary>
    public RewardModelConfig Validate()
    {
        Backbone.Validate();
        if (NumLabels < 1) throw new ArgumentException($"num_labels must be ≥ 1, found {NumLabels}", "num_labels");
        if (HeadHiddenSize < 0)
            throw new ArgumentException($"prefsharp_reward_head_hidden_size must be ≥ 0 (0 = hidden size), found {HeadHiddenSize}",
                "prefsharp_reward_head_hidden_size");
        if (!(RewardStd > 0) || double.IsInfinity(RewardStd))
            throw new ArgumentException($"prefsharp_reward_std must be finite and > 0, found {RewardStd}", "prefsharp_reward_std");
        if (GeneralPreference is not null && (NumLabels < 2 || NumLabels % 2 != 0))
            throw new ArgumentException($"num_labels of a GPM head is its embedding width 2k, an even number ≥ 2; found {NumLabels}", "num_labels");
        GeneralPreference?.Validate();
        if (TieThreshold is { } eta && (!(eta >= 0) || double.IsInfinity(eta)))
            throw new ArgumentException($"prefsharp_tie_threshold must be finite and ≥ 0, found {eta}", "prefsharp_tie_threshold");
        if (!double.IsFinite(RewardMean))
            throw new ArgumentException($"prefsharp_reward_mean must be finite, found {RewardMean}", "prefsharp_reward_mean");
        return this;
    }
}
