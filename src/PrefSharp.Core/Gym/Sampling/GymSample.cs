namespace PrefSharp.Core.Gym.Sampling;

/// <summary>
/// One response of a gym world: the prompt it answers, the policy that wrote it (for demonstrations, the quality
/// level, e.g. "quality-0.75") and its gold utility.
/// </summary>
public sealed record GymSample(string PromptId, string Prompt, string Response, string Policy, double GoldUtility);
