using PrefSharp.Torch.Rewards.Pluralistic;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>A personalised head for train-rm (<see cref="PluralisticRewardModel"/>): its kind, K and PAL's embedding width.</summary>
public sealed record PluralisticHeadOptions
{
    /// <summary>PAL (ideal points) or MiCRo (routed heads).</summary>
    public PluralisticKind Kind { get; init; } = PluralisticKind.Pal;

    /// <summary>K mixture components (PAL's prototypes, MiCRo's heads), ≥ 2.</summary>
    public int Prototypes { get; init; } = 2;

    /// <summary>D, PAL's embedding width (num_labels); MiCRo's width is K.</summary>
    public int EmbeddingWidth { get; init; } = 16;

    /// <summary>num_labels of the reward model under the head.</summary>
    public int Width => Kind == PluralisticKind.Pal ? EmbeddingWidth : Prototypes;

    /// <summary>Checks K ≥ 2 and D ≥ 1; the exception names the flag.</summary>
    public PluralisticHeadOptions Validate()
    {
        if (Prototypes < 2) throw new ArgumentException($"--prototypes must be ≥ 2, found {Prototypes}");
        if (EmbeddingWidth < 1) throw new ArgumentException($"--pal-dim must be ≥ 1, found {EmbeddingWidth}");
        return this;
    }
}
