using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// The layout every GRPO piece shares: a flat batch of B·G completions in which the G completions of a prompt are
/// contiguous, so row <c>b·G + g</c> is the g-th sample for prompt b (TRL repeats each prompt G times in a row the
/// same way). A flat (B·G) tensor viewed as (B, G) has one prompt per row.
/// </summary>
public static class GroupLayout
{
    /// <summary>(B·G) → (B, G); throws when the length is not a multiple of <paramref name="groupSize"/>.</summary>
    public static Tensor Grouped(Tensor flat, int groupSize, string name = "rewards")
    {
        if (groupSize < 1) throw new ArgumentException($"group size must be ≥ 1, found {groupSize}", nameof(groupSize));
        if (flat.dim() != 1)
            throw new ArgumentException($"{name} must be a flat (B·G) tensor, found [{string.Join(", ", flat.shape)}]", name);
        if (flat.shape[0] == 0 || flat.shape[0] % groupSize != 0)
            throw new ArgumentException($"{name} has {flat.shape[0]} entries, not a positive multiple of the group size {groupSize}", name);
        return flat.view(-1, groupSize);
    }
}
