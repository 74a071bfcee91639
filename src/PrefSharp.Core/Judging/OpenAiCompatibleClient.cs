using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;

namespace PrefSharp.Core.Judging;

/// <summary>
/// A minimal client for OpenAI-compatible chat completions: POST {base}/v1/chat/completions with
/// <c>{"model", "messages", "temperature", "max_tokens"}</c>, answer <c>choices[0].message.content</c>. Each attempt
/// has its own timeout; 429, 5xx, timeouts and connection failures are retried with exponential back-off (a
/// Retry-After header in seconds is honoured when longer); other statuses fail at once with the server's message.
/// </summary>
public sealed class OpenAiCompatibleClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="http">An HttpClient to reuse (not disposed here); null creates one.</param>
    public OpenAiCompatibleClient(JudgeClientOptions options, HttpClient? http = null)
    {
        Options = options.Validate();
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The options in force.</summary>
    public JudgeClientOptions Options { get; }

    /// <summary>The assistant's reply to <paramref name="messages"/>.</summary>
    public async Task<string> CompleteAsync(IReadOnlyList<Message> messages, CancellationToken cancellation = default)
    {
        var body = RequestBody(messages);
        var backoff = Options.InitialBackoff;
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            TimeSpan? retryAfter = null;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            attemptTimeout.CancelAfter(Options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Options.Endpoint)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                if (Options.ApiKey is { } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await _http.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(attemptTimeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return Content(text);
                failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(text)}";
                if (!Retryable(response.StatusCode)) throw new JudgeException($"judge request to {Options.Endpoint} failed: {failure}");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                failure = $"no answer within {Options.Timeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException error)
            {
                failure = $"connection failed: {error.Message}";
            }
            if (attempt >= Options.MaxRetries)
                throw new JudgeException($"judge request to {Options.Endpoint} failed after {attempt + 1} attempt(s): {failure}");
            var wait = retryAfter is { } server && server > backoff ? server : backoff;
            await Task.Delay(wait, cancellation).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    private string RequestBody(IReadOnlyList<Message> messages)
    {
        var request = new JsonObject
        {
            ["model"] = Options.Model,
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
            ["temperature"] = Options.Temperature,
        };
        if (Options.MaxTokens is { } maxTokens) request["max_tokens"] = maxTokens;
        return request.ToJsonString();
    }

    private static string Content(string responseText)
    {
        try
        {
            var content = JsonNode.Parse(responseText)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
            return content ?? throw new JudgeException($"the judge's answer has no choices[0].message.content: {Excerpt(responseText)}");
        }
        catch (JsonException error)
        {
            throw new JudgeException($"the judge's answer is not JSON: {Excerpt(responseText)}", error);
        }
    }

    private static bool Retryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
