namespace PrefSharp.Server.Arena.Content;

/// <summary>One prompt and the answers of the models that answered it, keyed by model name.</summary>
public sealed record ArenaQuestion(string Id, string Prompt, IReadOnlyDictionary<string, string> Answers);
