using PrefSharp.Torch.Rewards.Shaping;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// Preference As Reward, PAR (Fu et al. 2025, "Reward Shaping to Mitigate Reward Hacking in RLHF", §4) around a
/// pointwise source: r' = σ(r − r_ref(x)), where r_ref(x) is the same source's reward of a reference response to the
/// prompt (M = 1, the paper's finding). Bounded and flat far above the reference, so pushing the proxy further earns
/// little. The pointwise scores stay the inner source's raw rewards, so the proxy curve is comparable.
/// </summary>
public sealed class ShapedRewardSource(IGroupRewardSource inner, Func<string, string> referenceResponse) : IGroupRewardSource
{
    public string Name => $"par-{inner.Name}";

    public bool IsPairwise => false;

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        if (inner.IsPairwise) throw new InvalidOperationException("PAR shapes a pointwise reward; the inner source is pairwise");
        var raw = inner.Score(groups).Rewards;
        var references = inner.Score(groups.Select(g => new CompletionGroup(g.Prompt, [referenceResponse(g.Prompt)])).ToList()).Rewards;
        var size = groups[0].Completions.Count;
        using var scope = NewDisposeScope();
        var referencePerRow = tensor(references).repeat_interleave(size);                                // (N)
        var shaped = PreferenceAsReward.Compute(tensor(raw), referencePerRow).data<double>().ToArray();
        return new GroupScores(shaped, raw);
    }
}
