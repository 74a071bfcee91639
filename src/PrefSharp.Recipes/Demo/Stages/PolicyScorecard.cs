using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Generation;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// Scores a demo policy on held-out world prompts, the numbers every training stage reports:
/// <list type="bullet">
/// <item>gold utility: the mean of u(x, y) over the policy's samples (the world's truth, never seen by a learner);</item>
/// <item>proxy reward: the mean of a learned reward r(x, y) over the same samples, when one is given;</item>
/// <item>KL(π ‖ π_base) ≈ (1/N) Σ_i [log π(y_i | x_i) − log π_base(y_i | x_i)] with y_i ~ π(· | x_i): the Monte-Carlo
/// estimate of the sequence-level KL from sequence log-probs (the "k1" estimator, unbiased; Schulman 2020, "Approximating
/// KL divergence"), the quantity KL-regularised RLHF penalises (Ouyang et al. 2022, Eq. 2; Gao et al. 2023 plot gold
/// against it). Both log-probs are computed by teacher forcing on the same ids, so a policy against itself gives 0 exactly;</item>
/// <item>distinct-1/2 of the responses (Li et al. 2016) and their mean length in words.</item>
/// </list>
/// Policy and base must share the tokenizer (every demo policy descends from the SFT checkpoint).
/// </summary>
public static class PolicyScorecard
{
    /// <summary>A batched proxy reward: one score per (world prompt, response).</summary>
    public delegate double[] Proxy(IReadOnlyList<(string Prompt, string Response)> items);

    /// <summary>A <see cref="Proxy"/> from a per-item scoring function (e.g. a bag-of-words reward).</summary>
    public static Proxy PerItem(Func<string, string, double> score) => items => items.Select(i => score(i.Prompt, i.Response)).ToArray();

    /// <summary>Samples <paramref name="samplesPerPrompt"/> completions per prompt from the policy and scores them.</summary>
    public static PolicyScore Score(PolicySampler policy, PolicySampler reference, IWorld world, IReadOnlyList<string> prompts,
        int samplesPerPrompt, long seed, Proxy? proxy = null, int maxNewTokens = 24)
    {
        if (policy.Tokenizer.VocabularySize != reference.Tokenizer.VocabularySize || policy.Model.Config.VocabSize != reference.Model.Config.VocabSize)
            throw new ArgumentException(
                $"reference: policy and reference must share the tokenizer to compare log-probs of the same ids (vocabularies {policy.Tokenizer.VocabularySize} and {reference.Tokenizer.VocabularySize})",
                nameof(reference));
        return Score(policy.Sample(prompts, samplesPerPrompt, seed, maxNewTokens), reference, world, proxy);
    }

    /// <summary>Scores given samples of the policy (their log-probs are the policy's) against <paramref name="reference"/>.</summary>
    public static PolicyScore Score(PolicySamples samples, PolicySampler reference, IWorld world, Proxy? proxy = null)
    {
        if (samples.Count == 0) throw new ArgumentException("no samples to score", nameof(samples));
        var gold = Enumerable.Range(0, samples.Count).Average(i => world.GoldUtility(samples.Prompts[i], samples.Responses[i]));
        var referenceLogProbs = reference.LogProbs(samples.PromptIds, samples.CompletionIds);
        var kl = Enumerable.Range(0, samples.Count).Average(i => samples.LogProbs[i] - referenceLogProbs[i]);
        double? proxyMean = proxy is null ? null : proxy(samples.Prompts.Zip(samples.Responses).ToList()).Average();
        return new PolicyScore(gold, proxyMean, kl,
            DistinctN.Compute(samples.Responses, 1), DistinctN.Compute(samples.Responses, 2),
            samples.Responses.Average(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), samples);
    }
}
