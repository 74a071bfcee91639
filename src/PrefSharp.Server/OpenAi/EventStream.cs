using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PrefSharp.Server.OpenAi;

/// <summary>Server-sent events as OpenAI streams them: <c>data: {json}\n\n</c> per chunk, then <c>data: [DONE]\n\n</c>.</summary>
internal sealed class EventStream
{
    private readonly HttpResponse response;

    private EventStream(HttpResponse response) => this.response = response;

    public static EventStream Start(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        return new EventStream(context.Response);
    }

    public async Task Send(object chunk)
    {
        await response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
        await response.Body.FlushAsync();
    }

    public Task Done() => response.WriteAsync("data: [DONE]\n\n");
}
