using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PrefSharp.Tests.Shared;

/// <summary>
/// A tiny OpenAI-compatible chat server on 127.0.0.1 and a free port. <see cref="Respond"/> maps each request to a
/// status and a reply text (wrapped as a chat.completion with choices[0].message.content and usage for 200, unless
/// <see cref="Raw"/>); every request is recorded. Shared by the
/// judge client tests (Core) and the end-to-end <c>grpo --reward judge:URL</c> test (CLI), linked into both projects.
/// </summary>
internal sealed class LoopbackChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackChatServer(Func<RecordedRequest, int, (int Status, string Text)> respond)
    {
        Respond = respond;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public Uri BaseUrl { get; }

    public Func<RecordedRequest, int, (int Status, string Text)> Respond { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>A delay before answering (to test timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the reply text as the whole body, also for 200 (to test malformed responses).</summary>
    public bool Raw { get; init; }

    /// <summary>A Retry-After header (seconds) sent with every 429.</summary>
    public int? RetryAfterSeconds { get; init; }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"], JsonNode.Parse(body)!);
            Requests.Enqueue(request);
            var (status, text) = Respond(request, Requests.Count);
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            var reply = status == 200 && !Raw ? Completion(text) : text;
            var bytes = Encoding.UTF8.GetBytes(reply);
            try
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                if (status == 429 && RetryAfterSeconds is { } wait) context.Response.AddHeader("Retry-After", wait.ToString());
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception) { /* the client gave up (timeout test) */ }
        }
    }

    private static string Completion(string text) => new JsonObject
    {
        ["id"] = "chatcmpl-test", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = "judge-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 3, ["total_tokens"] = 14 },
    }.ToJsonString();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}

/// <summary>What the server saw: method, path, Authorization header and the JSON body.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonNode Body)
{
    /// <summary>The user message's text.</summary>
    public string User => Body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
}
