using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PrefSharp.Evaluation.Judging;

/// <summary>
/// The HttpClient a judge talks through: a resilience handler (Microsoft.Extensions.Http.Resilience over Polly) that
/// gives every attempt <see cref="JudgeClientOptions.Timeout"/> and retries 408, 429, 5xx, timeouts and connection
/// failures up to <see cref="JudgeClientOptions.MaxRetries"/> times with exponential back-off from
/// <see cref="JudgeClientOptions.InitialBackoff"/>, waiting a server's Retry-After instead when it sends one.
/// </summary>
public static class JudgeHttp
{
    public static HttpClient Create(JudgeClientOptions options)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = options.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.InitialBackoff,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(options.Timeout)
            .Build();
        var handler = new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() };
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
