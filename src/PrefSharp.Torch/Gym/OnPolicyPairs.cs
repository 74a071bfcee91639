using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Training.Batches;
using PrefSharp.Torch.Training.Dpo;

namespace PrefSharp.Torch.Gym;

/// <summary>
/// Preference pairs from a policy's own samples: samples 2j and 2j + 1 of each prompt are shown <c>votes</c> times to
/// the run's simulated annotators (round robin, A = the first), each vote a Bradley–Terry choice with the annotator's
/// biases; the majority is the label, and pairs whose majority is smaller than <c>minMargin</c> votes (ties, split
/// panels) and identical responses are dropped, as preference-strength filtering does (Wang et al. 2024, "Secrets of
/// RLHF II", §2.1). Each side keeps the exact token ids the policy sampled, so the DPO log-probs are those of the
/// sampled sequences.
/// </summary>
public static class OnPolicyPairs
{
    /// <summary>The labelled pairs, the gold utility gap (chosen − rejected) of each, and how many were dropped (ties, split votes).</summary>
    public static (List<TokenizedPair> Pairs, List<double> GoldGaps, int Ties) Label(PolicySamples samples, int samplesPerPrompt, IWorld world,
        IReadOnlyList<SimulatedAnnotator> annotators, Random random, int votes = 1, int minMargin = 1)
    {
        if (votes < 1 || minMargin < 1 || minMargin > votes)
            throw new ArgumentException($"votes must be ≥ 1 and the margin in [1, votes] (got {votes} votes, margin {minMargin})", nameof(votes));
        if (annotators.Count == 0) throw new ArgumentException("at least one annotator is needed", nameof(annotators));
        if (samplesPerPrompt < 2 || samplesPerPrompt % 2 != 0 || samples.Count % samplesPerPrompt != 0)
            throw new ArgumentException($"samples per prompt must be even and divide the {samples.Count} samples (got {samplesPerPrompt})", nameof(samplesPerPrompt));
        var pairs = new List<TokenizedPair>();
        var gaps = new List<double>();
        var ties = 0;
        for (var a = 0; a < samples.Count; a += 2)
        {
            var b = a + 1;
            var prompt = samples.Prompts[a];
            if (samples.Responses[a] == samples.Responses[b]) { ties++; continue; }
            var margin = PanelVote.Margin(world, prompt, samples.Responses[a], samples.Responses[b], annotators, votes, random, a / 2);
            if (Math.Abs(margin) < minMargin) { ties++; continue; }
            var (chosen, rejected) = margin > 0 ? (a, b) : (b, a);
            pairs.Add(new TokenizedPair(Sequence(samples, chosen), Sequence(samples, rejected)));
            gaps.Add(world.GoldUtility(prompt, samples.Responses[chosen]) - world.GoldUtility(prompt, samples.Responses[rejected]));
        }
        return (pairs, gaps, ties);
    }

    private static TokenizedSequence Sequence(PolicySamples samples, int row) =>
        TokenizedSequence.PromptCompletion(samples.PromptIds[row], samples.CompletionIds[row]);
}
