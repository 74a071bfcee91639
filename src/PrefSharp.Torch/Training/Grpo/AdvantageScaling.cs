namespace PrefSharp.Torch.Training.Grpo;

/// <summary>How group-relative advantages are divided after the group mean is subtracted (TRL's <c>scale_rewards</c>).</summary>
public enum AdvantageScaling
{
    /// <summary>By the standard deviation of the prompt's own group (DeepSeekMath GRPO, Shao et al. 2024, §4.1.2); TRL's default.</summary>
    Group,

    /// <summary>By one standard deviation over the whole batch (Lite PPO: Liu et al. 2025, "Tricks or Traps? A Deep Dive into RL for LLM Reasoning", group mean with batch std; TRL "batch").</summary>
    Batch,

    /// <summary>Not at all: A = r − mean (Dr. GRPO, Liu et al. 2025, §3.1, which removes the question-level difficulty bias).</summary>
    None,
}
