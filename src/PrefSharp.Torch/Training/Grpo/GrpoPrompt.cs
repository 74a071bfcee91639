namespace PrefSharp.Torch.Training.Grpo;

/// <summary>A training prompt: its text (what reward sources see) and the token ids the policy continues.</summary>
public sealed record GrpoPrompt(string Text, IReadOnlyList<long> Ids);
