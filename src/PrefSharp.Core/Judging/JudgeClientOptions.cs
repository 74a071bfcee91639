namespace PrefSharp.Core.Judging;

/// <summary>Where and how <see cref="OpenAiCompatibleClient"/> calls a chat-completions server (OpenAI, vLLM, llama.cpp, Ollama).</summary>
public sealed record JudgeClientOptions
{
    /// <summary>Server root, e.g. <c>http://127.0.0.1:8000</c> or <c>https://api.openai.com/v1</c>; "/v1/chat/completions" is appended as needed.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The model name sent in every request (also part of the cache key).</summary>
    public required string Model { get; init; }

    /// <summary>Bearer token; null sends no Authorization header.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Sampling temperature; 0 makes a judge as repeatable as the server allows.</summary>
    public double Temperature { get; init; }

    /// <summary>Upper bound on the judge's answer length; null leaves it to the server.</summary>
    public int? MaxTokens { get; init; } = 512;

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 429, a 5xx, a timeout or a connection failure (other 4xx fail at once).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry; doubled each time (exponential back-off).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The chat-completions endpoint.</summary>
    public Uri Endpoint
    {
        get
        {
            var root = BaseUrl.AbsoluteUri.TrimEnd('/');
            return new Uri(root.EndsWith("/v1", StringComparison.Ordinal) ? root + "/chat/completions" : root + "/v1/chat/completions");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public JudgeClientOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) throw new ArgumentException("must name a model", nameof(Model));
        if (BaseUrl.Scheme is not ("http" or "https")) throw new ArgumentException($"must be http or https, found {BaseUrl}", nameof(BaseUrl));
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"must be positive, found {Timeout}", nameof(Timeout));
        if (MaxRetries < 0) throw new ArgumentException($"must be ≥ 0, found {MaxRetries}", nameof(MaxRetries));
        if (InitialBackoff < TimeSpan.Zero) throw new ArgumentException($"must be ≥ 0, found {InitialBackoff}", nameof(InitialBackoff));
        if (!(Temperature >= 0 && Temperature <= 2)) throw new ArgumentException($"must be in [0, 2], found {Temperature}", nameof(Temperature));
        if (MaxTokens is < 1) throw new ArgumentException($"must be ≥ 1 or null, found {MaxTokens}", nameof(MaxTokens));
        return this;
    }
}
