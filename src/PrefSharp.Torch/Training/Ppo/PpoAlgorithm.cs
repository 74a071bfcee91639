namespace PrefSharp.Torch.Training.Ppo;

/// <summary>What <see cref="PpoTrainer"/> optimises.</summary>
public enum PpoAlgorithm
{
    /// <summary>PPO with a value model, GAE and the per-token KL penalty in the reward (<see cref="PpoLoss"/>).</summary>
    Ppo,

    /// <summary>Pairwise PPO: two samples per prompt, trajectory-wise, no value model (<see cref="P3oLoss"/>).</summary>
    P3o,
}
