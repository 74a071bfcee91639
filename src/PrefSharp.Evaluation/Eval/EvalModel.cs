namespace PrefSharp.Evaluation.Eval;

/// <summary>A model under evaluation: its name on the leaderboard and the OpenAI-compatible server that answers as <see cref="ModelId"/>.</summary>
public sealed record EvalModel(string Name, Uri BaseUrl, string ModelId, string? ApiKey = null);
