namespace PrefSharp.Torch.Training.Games;

/// <summary>How <see cref="AnswerGame"/> updates its policy.</summary>
public enum GameMethod
{
    /// <summary>
    /// SPO (Swamy et al. 2024, "A Minimaximalist Approach to RLHF", Alg. 1): each sample's reward is its win rate against
    /// the other samples of its group (<see cref="Rewards.Pairwise.GroupWinRate"/>), then GRPO's group advantages and loss.
    /// </summary>
    SelfPlay,

    /// <summary>Nash-MD-PG (Munos et al. 2024, Sec. 7): one opponent per sample from π^(1−β)·π_ref^β, <see cref="NashMd.NashMdLoss"/>.</summary>
    NashMd,

    /// <summary>Pointwise GRPO on the Bradley–Terry reward fitted to the preference: the scalar-reward baseline.</summary>
    BradleyTerryGrpo,
}
