namespace PrefSharp.Torch.Generation;

/// <summary>
/// Completions sampled from a policy: row i answers <see cref="Prompts"/>[i] (a world prompt, repeated K times when K
/// samples were drawn per prompt). <see cref="LogProbs"/>[i] = log π(y_i | x_i), the sum over the completion's tokens
/// (its stop token included) at temperature 1.
/// </summary>
public sealed record PolicySamples(
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Responses,
    IReadOnlyList<IReadOnlyList<int>> PromptIds,
    IReadOnlyList<IReadOnlyList<int>> CompletionIds,
    IReadOnlyList<double> LogProbs)
{
    /// <summary>Number of samples.</summary>
    public int Count => Responses.Count;
}
