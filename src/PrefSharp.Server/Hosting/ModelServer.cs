using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using PrefSharp.Server.Models;
using PrefSharp.Server.OpenAi;
using PrefSharp.Server.Scoring;

namespace PrefSharp.Server.Hosting;

/// <summary>
/// The OpenAI-compatible server: <c>GET /v1/models</c>, <c>POST /v1/chat/completions</c>, <c>POST /v1/completions</c>,
/// and for reward models <c>POST /v1/score</c> (vLLM's score API) and <c>POST /v1/preference</c>. Every refused
/// request gets OpenAI's error object and a 4xx; the server keeps running. Owns and disposes the catalog.
/// </summary>
public sealed class ModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ModelCatalog catalog;

    private ModelServer(WebApplication app, ModelCatalog catalog, Uri baseUrl) => (this.app, this.catalog, BaseUrl) = (app, catalog, baseUrl);

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:8000/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Binds and starts serving; returns once the port is open.</summary>
    public static async Task<ModelServer> StartAsync(ServeOptions options, ModelCatalog catalog, CancellationToken cancellation = default)
    {
        options.Validate();
        var builder = SlimHost.Create(options.Host, options.Port, options.MaxBodyBytes);
        var app = builder.Build();
        app.Use(ErrorResponses.Guard);
        if (options.ApiKey is { } key) app.Use(next => ErrorResponses.RequireKey(key, next));
        Map(app, catalog, options);
        await app.StartAsync(cancellation);
        var bound = app.Urls.First();
        return new ModelServer(app, catalog, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>
    /// Serves policies (<c>[NAME=]DIR</c>, <c>[NAME=]gym:WORLD@Q</c>) and gym judges (<c>gym:WORLD</c>) on a free loopback
    /// port, for a verb that asks them itself (<c>judge</c>, <c>eval</c>, <c>arena</c>).
    /// </summary>
    public static Task<ModelServer> StartOnLoopbackAsync(IReadOnlyList<string> policies, IReadOnlyList<string> judges, int maxTokens = 512,
        CancellationToken cancellation = default)
    {
        var options = new ServeOptions { Port = 0, MaxTokens = maxTokens };
        return StartAsync(options, CatalogLoader.Load(policies, [], judges, options), cancellation);
    }

    /// <summary>The models served.</summary>
    public ModelCatalog Catalog => catalog;

    private static void Map(WebApplication app, ModelCatalog catalog, ServeOptions options)
    {
        app.MapGet("/v1/models", (HttpContext context) => context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data = catalog.Names.Select(id => new { id, @object = "model", created = 0L, owned_by = "prefsharp" }),
        }));
        app.MapPost("/v1/chat/completions", (HttpContext context) => ChatCompletionsEndpoint.Handle(context, catalog, options));
        app.MapPost("/v1/completions", (HttpContext context) => CompletionsEndpoint.Handle(context, catalog, options));
        foreach (var path in (string[])["/v1/score", "/score"]) app.MapPost(path, (HttpContext context) => ScoreEndpoint.Handle(context, catalog));
        app.MapPost("/v1/preference", (HttpContext context) => PreferenceEndpoint.Handle(context, catalog));
        app.MapFallback((HttpContext context) => throw new ApiException(404,
            $"no route {context.Request.Method} {context.Request.Path}; see GET /v1/models", code: "unknown_url"));
    }

    /// <summary>Completes when the server stops (Ctrl+C, or <paramref name="cancellation"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) => app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        catalog.Dispose();
    }
}
