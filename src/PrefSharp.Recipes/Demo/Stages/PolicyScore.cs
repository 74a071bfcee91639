using PrefSharp.Torch.Generation;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// How a demo policy does on held-out prompts (<see cref="PolicyScorecard"/>): mean gold utility of its samples, the
/// proxy reward's mean score of them (null without a proxy), KL(π ‖ π_base) in nats estimated from the samples,
/// distinct-1/2 of the responses and their mean length in words. <see cref="Samples"/> are the scored samples.
/// </summary>
public sealed record PolicyScore(double GoldUtility, double? ProxyReward, double Kl, double Distinct1, double Distinct2,
    double MeanWords, PolicySamples Samples)
{
    /// <summary>The numbers as DemoStage metrics, keys prefixed (e.g. "distinct_2").</summary>
    public Dictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>
        {
            ["gold_utility"] = GoldUtility,
            ["kl"] = Kl,
            ["distinct_1"] = Distinct1,
            ["distinct_2"] = Distinct2,
            ["mean_words"] = MeanWords,
        };
        if (ProxyReward is { } proxy) metrics["proxy_reward"] = proxy;
        return metrics;
    }
}
