using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// A loopback OpenAI-compatible judge that answers every chat completion with <c>[[A&gt;B]]</c> after a fixed
/// latency, concurrently (Kestrel), standing in for a remote judge whose time is all network and queueing.
/// </summary>
internal sealed class SlowJudgeServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SlowJudgeServer(WebApplication app, Uri baseUrl) => (this.app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<SlowJudgeServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            await Task.Delay(latency, context.RequestAborted);
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-bench", @object = "chat.completion", created = 0L, model = "slow-judge",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "[[A>B]]" }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 100, completion_tokens = 5, total_tokens = 105 },
            });
        });
        await app.StartAsync();
        return new SlowJudgeServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
