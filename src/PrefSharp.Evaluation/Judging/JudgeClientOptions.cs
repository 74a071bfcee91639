namespace PrefSharp.Evaluation.Judging;

/// <summary>Where and how <see cref="ChatJudgeClient"/> asks an OpenAI-compatible chat server (OpenAI, vLLM, llama.cpp, Ollama, <c>prefsharp serve</c>).</summary>
public sealed record JudgeClientOptions
{
    /// <summary>Server root, e.g. <c>http://127.0.0.1:8000</c> or <c>https://api.openai.com/v1</c>; "/v1" is appended when missing.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The model name sent in every request (also part of the cache key).</summary>
    public required string Model { get; init; }

    /// <summary>Bearer token; null sends none that a server could check.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Sampling temperature; 0 makes a judge as repeatable as the server allows.</summary>
    public double Temperature { get; init; }

    /// <summary>Upper bound on the judge's answer length; null leaves it to the server.</summary>
    public int? MaxTokens { get; init; } = 512;

    /// <summary>Time allowed for one HTTP attempt (<c>--judge-timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether an answer with empty text is a valid reply (a model under evaluation may say nothing) rather than a malformed one (a judge must answer).</summary>
    public bool AllowEmptyAnswer { get; init; }

    /// <summary>Retries after a 429, a 5xx, a timeout or a connection failure (other 4xx fail at once).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry, doubled each time; a longer Retry-After from the server wins.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The API root the OpenAI client is given: <see cref="BaseUrl"/> ending in <c>/v1</c>.</summary>
    public Uri ApiRoot
    {
        get
        {
            var root = BaseUrl.AbsoluteUri.TrimEnd('/');
            return new Uri(root.EndsWith("/v1", StringComparison.Ordinal) ? root : root + "/v1");
        }
    }

    /// <summary>The chat-completions endpoint, as error messages name it.</summary>
    public Uri Endpoint => new(ApiRoot.AbsoluteUri + "/chat/completions");

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public JudgeClientOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) throw new ArgumentException("must name a model", nameof(Model));
        if (BaseUrl.Scheme is not ("http" or "https")) throw new ArgumentException($"must be http or https, found {BaseUrl}", nameof(BaseUrl));
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"must be positive, found {Timeout}", nameof(Timeout));
        if (MaxRetries < 0) throw new ArgumentException($"must be ≥ 0, found {MaxRetries}", nameof(MaxRetries));
        if (InitialBackoff <= TimeSpan.Zero) throw new ArgumentException($"must be positive, found {InitialBackoff}", nameof(InitialBackoff));
        if (!(Temperature >= 0 && Temperature <= 2)) throw new ArgumentException($"must be in [0, 2], found {Temperature}", nameof(Temperature));
        if (MaxTokens is < 1) throw new ArgumentException($"must be ≥ 1 or null, found {MaxTokens}", nameof(MaxTokens));
        return this;
    }
}
