using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// PPO's value function V(s_t) over completion prefixes: a scalar head on the policy's last hidden state
/// (<see cref="ValueHead"/>) or a separate critic initialised from a reward model (<see cref="RewardModelCritic"/>),
/// the two set-ups "Unpacking DPO and PPO" (Ivison et al. 2024, §3) compares. Trained beside the policy and saved in
/// every checkpoint.
/// </summary>
public interface IValueModel
{
    /// <summary>The parameters trained beside the policy (registered under the policy's composite module).</summary>
    nn.Module Module { get; }

    /// <summary>
    /// Values (B, T − 1) in the shifted layout: position t is the state after tokens 0..t, before token t + 1.
    /// <paramref name="policyHidden"/> (B, T, d) is the policy's last hidden state of the same rows.
    /// </summary>
    Tensor Values(SequenceBatch rows, Tensor policyHidden);

    /// <summary>Writes the value model into <paramref name="directory"/>.</summary>
    void Save(string directory);

    /// <summary>Loads weights written by <see cref="Save"/>.</summary>
    void Load(string directory);
}
