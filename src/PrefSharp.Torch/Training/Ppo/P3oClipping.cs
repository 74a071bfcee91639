namespace PrefSharp.Torch.Training.Ppo;

/// <summary>The two clipped objectives of P3O (Wu et al. 2023, §4.2, Algorithm 1).</summary>
public enum P3oClipping
{
    /// <summary>Clip each sample's own trajectory ratio π_θ(y|x)/π_old(y|x) (the paper's V1, "clipping separately").</summary>
    Separate,

    /// <summary>Clip the ratio of the pair's two trajectory ratios (the paper's V2, "clipping jointly").</summary>
    Joint,
}
