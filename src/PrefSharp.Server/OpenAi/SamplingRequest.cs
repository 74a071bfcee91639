using PrefSharp.Server.Batching;
using PrefSharp.Server.Hosting;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// The sampling parameters chat and text completions share: temperature [0, 2], top_p (0, 1], n, seed, stop (up to 4
/// strings), max_tokens, stream and stream_options.include_usage.
/// </summary>
internal sealed record SamplingRequest(SamplingSettings Settings, int? MaxTokens, int Choices, IReadOnlyList<string> Stop, bool Stream, bool IncludeUsage)
{
    public static SamplingRequest Read(JsonRequest request, ServeOptions limits, params string[] maxTokenNames)
    {
        var temperature = request.Number("temperature", 1.0, 0, 2);
        var topP = request.Number("top_p", 1.0, double.Epsilon, 1);
        var maxTokens = maxTokenNames.Select(name => request.Integer(name, 1, limits.MaxTokens)).FirstOrDefault(value => value is not null);
        var choices = request.Integer("n", 1, limits.MaxChoices) ?? 1;
        var stop = request.Strings("stop", 4);
        if (stop.Any(s => s.Length == 0)) throw ApiException.Invalid("stop", "stop strings must not be empty");
        var stream = request.Bool("stream");
        var includeUsage = request.Field("stream_options") is { } streamOptions
            && streamOptions.TryGetProperty("include_usage", out var usage) && usage.ValueKind == System.Text.Json.JsonValueKind.True;
        return new SamplingRequest(new SamplingSettings(temperature, topP, request.Long("seed")), maxTokens, choices, stop, stream, includeUsage);
    }

    /// <summary>
    /// The token budget for a prompt of <paramref name="promptTokens"/>: the request's max_tokens, or what the context
    /// leaves up to <paramref name="fallback"/>; 400 <c>context_length_exceeded</c> when prompt and budget do not fit.
    /// </summary>
    public int Budget(int promptTokens, int contextLength, int fallback, string promptField)
    {
        var budget = MaxTokens ?? Math.Min(fallback, contextLength - promptTokens);
        if (budget >= 1 && promptTokens + budget <= contextLength) return budget;
        throw new ApiException(400,
            $"this model's maximum context length is {contextLength} tokens; the request needs {promptTokens} for the prompt and " +
            $"{Math.Max(budget, 1)} for the completion", MaxTokens is null ? promptField : "max_tokens", "context_length_exceeded");
    }
}
