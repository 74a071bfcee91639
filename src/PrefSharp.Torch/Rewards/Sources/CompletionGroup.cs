namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>The G sampled completions (decoded text) of one prompt, as a reward source sees them.</summary>
public sealed record CompletionGroup(string Prompt, IReadOnlyList<string> Completions);
