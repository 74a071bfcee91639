using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// One tokenized k-way example for listwise reward-model training: <see cref="Responses"/> (k ≥ 2) answer the same
/// prompt and are listed BEST FIRST; <see cref="Labels"/> are their graded scores in the same order (higher is better),
/// which ListNet reads as targets and Plackett–Luce ignores.
/// </summary>
public sealed record ListwiseExample
{
    public ListwiseExample(IReadOnlyList<TokenizedSequence> responses, IReadOnlyList<double> labels)
    {
        if (responses.Count < 2) throw new ArgumentException($"a list needs at least 2 responses, found {responses.Count}", nameof(responses));
        if (labels.Count != responses.Count)
            throw new ArgumentException($"a list needs one label per response, found {labels.Count} for {responses.Count}", nameof(labels));
        for (var i = 1; i < labels.Count; i++)
            if (!(labels[i] <= labels[i - 1]))
                throw new ArgumentException($"responses must be listed best first: label {i} ({labels[i]}) exceeds label {i - 1} ({labels[i - 1]})", nameof(labels));
        Responses = responses;
        Labels = labels;
    }

    /// <summary>The responses, best first.</summary>
    public IReadOnlyList<TokenizedSequence> Responses { get; }

    /// <summary>Graded labels, non-increasing.</summary>
    public IReadOnlyList<double> Labels { get; }
}
