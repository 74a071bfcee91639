using PrefSharp.Torch.Rewards.Likelihood;

namespace PrefSharp.Recipes.Rewards;

/// <summary>
/// The likelihood rewards a reward flag or <c>score --model</c> can name: <c>cdr:STRONG,WEAK</c> (the density ratio of
/// two checkpoints, <see cref="DensityRatioReward"/>) and <c>flr:DIR</c> (follow-up likelihood under one checkpoint,
/// <see cref="FollowUpLikelihoodReward"/>).
/// </summary>
public static class LikelihoodRewardSpec
{
    /// <summary>True when <paramref name="spec"/> names a likelihood reward.</summary>
    public static bool Matches(string spec) => spec.StartsWith("cdr:", StringComparison.Ordinal) || spec.StartsWith("flr:", StringComparison.Ordinal);

    /// <summary>Loads the reward <paramref name="spec"/> names; errors name <paramref name="option"/>.</summary>
    public static ILikelihoodReward Load(string spec, string option)
    {
        var folders = spec[4..].Split(',');
        if (spec.StartsWith("cdr:", StringComparison.Ordinal))
        {
            if (folders.Length != 2 || folders.Any(f => !Directory.Exists(f)))
                throw new ArgumentException($"{option} cdr:STRONG,WEAK needs two existing checkpoint folders, found \"{spec[4..]}\"", option);
            return DensityRatioReward.Load(folders[0], folders[1]);
        }
        if (folders.Length != 1 || !Directory.Exists(folders[0]))
            throw new ArgumentException($"{option} flr:DIR needs one existing checkpoint folder, found \"{spec[4..]}\"", option);
        return FollowUpLikelihoodReward.Load(folders[0]);
    }
}
