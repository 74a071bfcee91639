using PrefSharp.Torch.Rewards;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// What the loop's optimiser sees when reward-model training has parameters of its own besides the model (the
/// Rao–Kupper <see cref="TieThreshold"/>): the model under <c>model.*</c> and those parameters beside it. Checkpoints
/// save the reward model in its own layout and η in its own file (<see cref="RewardTraining.Trainable"/>).
/// </summary>
public sealed class RewardTrainingModule : nn.Module
{
    /// <summary>Registers <paramref name="model"/> and, when given, <paramref name="tieThreshold"/>.</summary>
    public RewardTrainingModule(RewardModel model, TieThreshold? tieThreshold) : base(nameof(RewardTrainingModule))
    {
        register_module("model", model);
        if (tieThreshold is not null) register_module("tie_threshold", tieThreshold);
    }
}
