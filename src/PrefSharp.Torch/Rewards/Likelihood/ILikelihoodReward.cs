using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Torch.Rewards.Likelihood;

/// <summary>A reward read from language models' likelihoods, with no reward model trained (<see cref="DensityRatioReward"/>, <see cref="FollowUpLikelihoodReward"/>).</summary>
public interface ILikelihoodReward : IDisposable
{
    /// <summary>r(x, y) of each (prompt, response), in input order.</summary>
    double[] Score(IReadOnlyList<(string Prompt, string Completion)> items, int batchSize = 32);

    /// <summary>The reward as a pointwise source for the online verbs.</summary>
    PointwiseRewardSource AsSource();
}
