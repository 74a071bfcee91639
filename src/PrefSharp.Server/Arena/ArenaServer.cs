using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrefSharp.Core.Ranking;
using PrefSharp.Server.Arena.Api;
using PrefSharp.Server.Arena.Auth;
using PrefSharp.Server.Arena.Content;
using PrefSharp.Server.Arena.Live;
using PrefSharp.Server.Arena.Pages;
using PrefSharp.Server.Arena.Pairing;
using PrefSharp.Server.Arena.Storage;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena;

/// <summary>
/// The arena web application: annotators vote on pairs of anonymous answers, the admin invites them and exports the
/// votes, everyone signed in sees the live leaderboard. Every refused request gets a 4xx and an error object; the
/// server keeps running. Owns and disposes the store.
/// </summary>
public sealed class ArenaServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ArenaServer(WebApplication app, ArenaStore store, Uri baseUrl, string? adminToken) =>
        (this.app, Store, BaseUrl, NewAdminToken) = (app, store, baseUrl, adminToken);

    /// <summary>The address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseUrl { get; }

    public ArenaStore Store { get; }

    /// <summary>The admin token when this start created the database (shown once); null afterwards.</summary>
    public string? NewAdminToken { get; }

    /// <summary>Opens the store, binds and starts serving; returns once the port is open.</summary>
    public static async Task<ArenaServer> StartAsync(ArenaOptions options, ArenaContent content, CancellationToken cancellation = default)
    {
        options.Validate();
        var store = ArenaStore.Open(options.Database);
        try
        {
            var adminToken = store.CreateAdminTokenIfMissing();
            var leaderboard = new LiveLeaderboard(store, new LeaderboardOptions());
            var arena = new ArenaServices(options, store, new ArenaAuth(store, options.TlsCertificate is not null),
                new PairChooser(content, store, options.Selection, options.Overlap), leaderboard);
            var app = Build(options, arena);
            await app.StartAsync(cancellation);
            var bound = app.Urls.First();
            return new ArenaServer(app, store, new Uri(bound.EndsWith('/') ? bound : bound + "/"), adminToken);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static WebApplication Build(ArenaOptions options, ArenaServices arena)
    {
        var builder = SlimHost.Create(options.Host, options.Port, options.MaxBodyBytes, listen =>
        {
            if (options.TlsCertificate is { } pfx) listen.UseHttps(X509CertificateLoader.LoadPkcs12FromFile(pfx, options.TlsPassword));
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = 429;
            limiter.OnRejected = (rejected, _) => new ValueTask(ErrorResponses.Write(rejected.HttpContext,
                new ApiException(429, "too many requests from this annotator; wait a moment", code: "rate_limited")));
            limiter.AddPolicy(VoteEndpoints.RateLimitPolicy, context => Partition(context, options));
        });
        var app = builder.Build();
        app.Use(SecurityHeaders.Add);
        app.Use(ErrorResponses.Guard);
        app.UseRateLimiter();
        PageRoutes.Map(app, arena);
        VoteEndpoints.Map(app, arena);
        AdminEndpoints.Map(app, arena);
        app.MapFallback((HttpContext context) => throw new ApiException(404, $"no route {context.Request.Method} {context.Request.Path}", code: "not_found"));
        return app;
    }

    /// <summary>One token bucket per session cookie (per address without one): <see cref="ArenaOptions.RequestsPerMinute"/>, bursts of <see cref="ArenaOptions.Burst"/>.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context, ArenaOptions options)
    {
        var key = context.Request.Cookies[ArenaAuth.SessionCookie] is { Length: > 0 and <= 100 } session ? "s:" + session
            : "ip:" + context.Connection.RemoteIpAddress;
        if (options.RequestsPerMinute == 0) return RateLimitPartition.GetNoLimiter(key);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst, QueueLimit = 0, TokensPerPeriod = 1, AutoReplenishment = true,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.RequestsPerMinute,
        });
    }

    /// <summary>Completes when the server stops (Ctrl+C, or <paramref name="cancellation"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) => app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Store.Dispose();
    }
}
