namespace PrefSharp.Evaluation.Eval;

/// <summary>How the evaluated models are asked: sampling, length, concurrency, the seed of request i (<see cref="Seed"/> + i).</summary>
public sealed record GenerationSettings
{
    /// <summary>Sampling temperature of the evaluated models (<c>--temperature</c>); default 0.7.</summary>
    public double Temperature { get; init; } = 0.7;

    /// <summary>Most tokens per answer (<c>--max-tokens</c>); default 256.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Requests in flight per model (<c>--parallel</c>); default 4.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Seconds one request may take before it is retried.</summary>
    public double TimeoutSeconds { get; init; } = 120;

    /// <summary>The seed of the first prompt's request; prompt i is asked with <c>Seed + i</c>.</summary>
    public int Seed { get; init; }
}
