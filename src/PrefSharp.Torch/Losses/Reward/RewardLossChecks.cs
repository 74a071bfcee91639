using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>Shape and range checks shared by the reward losses.</summary>
internal static class RewardLossChecks
{
    public static void SameShape(Tensor chosen, Tensor rejected, string otherName = "rejected")
    {
        if (chosen.dim() != 1 || !chosen.shape.SequenceEqual(rejected.shape))
            throw new ArgumentException(
                $"chosen must be (B) and {otherName} the same shape; found [{string.Join(", ", chosen.shape)}] and [{string.Join(", ", rejected.shape)}]",
                otherName);
    }

    public static void InRange(double value, double low, double high, string name, bool includeHigh = true)
    {
        if (!(value >= low) || (includeHigh ? value > high : value >= high))
            throw new ArgumentException($"{name} must be in [{low}, {high}{(includeHigh ? "]" : ")")}, found {value}", name);
    }
}
