using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// A separate critic initialised from a reward model (Ouyang et al. 2022, §3.5; "Unpacking DPO and PPO", Ivison et al.
/// 2024, §3.3, initialise the value model from the RM): its backbone and scalar head read at every position
/// (<see cref="RewardModel.TokenValues"/>). Saved as a reward-model checkpoint.
/// </summary>
public sealed class RewardModelCritic(RewardModel model) : IValueModel
{
    public nn.Module Module => model;

    public Tensor Values(SequenceBatch rows, Tensor policyHidden)
    {
        using var scope = NewDisposeScope();
        var length = rows.InputIds.shape[1];
        return model.TokenValues(rows.InputIds, rows.AttentionMask).narrow(1, 0, length - 1).MoveToOuterDisposeScope();
    }

    public void Save(string directory) => RewardCheckpoint.Save(model, directory);

    public void Load(string directory) => RewardCheckpoint.LoadWeights(model, directory);
}
