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

    /// <summary>
    /// TD-MNPO (Wu et al. 2025, "Multiplayer Nash Preference Optimization", Sec. 3.2): pairs sampled from π_t and labelled
    /// by the preference, <see cref="Losses.Preference.MnpoLoss"/> against the last n policies
    /// (<see cref="PolicyPopulation"/>); an iteration is <see cref="AnswerGameOptions.IterationSteps"/> updates.
    /// </summary>
    Multiplayer,

    /// <summary>Pointwise GRPO on the Bradley–Terry reward fitted to the preference: the scalar-reward baseline.</summary>
    BradleyTerryGrpo,
}
