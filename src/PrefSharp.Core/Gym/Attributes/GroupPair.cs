namespace PrefSharp.Core.Gym.Attributes;

/// <summary>A preference pair labelled by one annotator group (null: the population's gold); the prompt names the group.</summary>
public sealed record GroupPair(string? Group, string Prompt, string Chosen, string Rejected);
