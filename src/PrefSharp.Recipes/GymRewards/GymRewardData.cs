using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>A text preference pair of a gym world: <see cref="Chosen"/> is the preferred response to <see cref="Prompt"/>.</summary>
public sealed record TextPair(string Prompt, string Chosen, string Rejected);

/// <summary>
/// Reward-model data from a gym world, split honestly by prompt: training pairs labelled by simulated annotators
/// (ties left out, optionally a fraction of labels flipped at random to inject noise), and held-out GOLD pairs: every
/// two responses of a held-out prompt whose gold utilities differ, the better one chosen.
/// </summary>
public static class GymRewardData
{
    /// <summary>Gold pairs among the samples of <paramref name="heldOutPromptIds"/>: every pair with different gold utility.</summary>
    public static List<TextPair> GoldPairs(IReadOnlyList<GymSample> samples, ISet<string> heldOutPromptIds)
    {
        var pairs = new List<TextPair>();
        foreach (var prompt in samples.Where(s => heldOutPromptIds.Contains(s.PromptId)).GroupBy(s => s.PromptId))
        {
            var responses = prompt.ToList();
            for (var i = 0; i < responses.Count; i++)
                for (var j = i + 1; j < responses.Count; j++)
                {
                    var (a, b) = (responses[i], responses[j]);
                    if (a.GoldUtility == b.GoldUtility || a.Response == b.Response) continue;
                    pairs.Add(a.GoldUtility > b.GoldUtility ? new TextPair(a.Prompt, a.Response, b.Response) : new TextPair(a.Prompt, b.Response, a.Response));
                }
        }
        return pairs;
    }

    /// <summary>The prompt ids held out: a seeded ⌈fraction · prompts⌉ of the distinct ids.</summary>
    public static HashSet<string> HeldOutPrompts(IReadOnlyList<GymSample> samples, double fraction, int seed)
    {
        var ids = samples.Select(s => s.PromptId).Distinct().ToList();
        var (_, heldOut) = PromptSplit.Split(ids, id => id, fraction, seed);
        return heldOut.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Swaps chosen and rejected of each pair with probability <paramref name="rate"/> (seeded): random label noise.</summary>
    public static List<TextPair> Flip(IReadOnlyList<TextPair> pairs, double rate, int seed)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentException($"flip rate must be in [0, 1], found {rate}", nameof(rate));
        var random = new Random(seed);
        return pairs.Select(p => random.NextDouble() < rate ? p with { Chosen = p.Rejected, Rejected = p.Chosen } : p).ToList();
    }

    /// <summary>
    /// Panel-labelled training pairs: every two different responses of each prompt not in <paramref name="heldOutPromptIds"/>,
    /// shown in a random order <paramref name="votes"/> times to <paramref name="annotators"/> (<see cref="PanelVote"/>),
    /// the majority chosen; pairs whose |vote margin| is below <paramref name="minMargin"/> are dropped. Seeded.
    /// </summary>
    public static List<TextPair> PanelPairs(IWorld world, IReadOnlyList<GymSample> samples, ISet<string> heldOutPromptIds,
        IReadOnlyList<SimulatedAnnotator> annotators, int votes, int minMargin, int seed)
    {
        if (votes < 1 || minMargin < 1 || minMargin > votes)
            throw new ArgumentException($"votes must be ≥ 1 and minMargin in [1, votes] (got {votes} votes, minMargin {minMargin})", nameof(minMargin));
        var random = new Random(seed);
        var pairs = new List<TextPair>();
        foreach (var prompt in samples.Where(s => !heldOutPromptIds.Contains(s.PromptId)).GroupBy(s => s.PromptId))
        {
            var responses = prompt.ToList();
            for (var i = 0; i < responses.Count; i++)
                for (var j = i + 1; j < responses.Count; j++)
                {
                    if (responses[i].Response == responses[j].Response) continue;
                    var (a, b) = random.Next(2) == 0 ? (responses[i], responses[j]) : (responses[j], responses[i]);
                    var margin = PanelVote.Margin(world, a.Prompt, a.Response, b.Response, annotators, votes, random, pairs.Count);
                    if (Math.Abs(margin) < minMargin) continue;
                    pairs.Add(margin > 0 ? new TextPair(a.Prompt, a.Response, b.Response) : new TextPair(a.Prompt, b.Response, a.Response));
                }
        }
        return pairs;
    }

    /// <summary>
    /// Samples, panel-labelled training pairs (<see cref="PanelPairs"/> with the default annotator, Bradley–Terry at
    /// temperature 1) and the held-out prompt ids of a world.
    /// </summary>
    public static (IReadOnlyList<GymSample> Samples, List<TextPair> Train, HashSet<string> HeldOut) Generate(
        IWorld world, int prompts, int responsesPerPrompt, double heldOutFraction, int seed, int votes, int minMargin)
    {
        var samples = GymSampler.Sample(world, prompts, responsesPerPrompt, seed);
        var heldOut = HeldOutPrompts(samples, heldOutFraction, seed + 2);
        var train = PanelPairs(world, samples, heldOut, AnnotatorSpec.Parse(AnnotatorSpec.Default), votes, minMargin, seed + 1);
        return (samples, train, heldOut);
    }
}
