using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Arena.Storage;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena.Api;

/// <summary>
/// The annotator's API: <c>GET /api/me</c> (name and anti-forgery token), <c>GET /api/next</c> (a pair, model names
/// hidden), <c>POST /api/vote</c> (acknowledged once on disk; the receipt reveals the names), <c>GET /api/leaderboard</c>.
/// </summary>
internal static class VoteEndpoints
{
    public const string RateLimitPolicy = "annotator";

    public static void Map(WebApplication app, ArenaServices arena)
    {
        app.MapGet("/api/me", (HttpContext context) =>
        {
            var session = arena.Auth.RequireSession(context);
            return context.Response.WriteAsJsonAsync(new { name = session.Name, admin = session.IsAdmin, csrf = arena.Auth.CsrfToken(session) });
        });
        app.MapGet("/api/next", (HttpContext context) =>
        {
            var session = arena.Auth.RequireAnnotator(context, changesState: false);
            var pair = arena.Pairs.Next(session.AnnotatorId!.Value);
            return context.Response.WriteAsJsonAsync(new { pair_id = pair.Id, prompt = pair.Prompt, answer_a = pair.TextA, answer_b = pair.TextB });
        }).RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/api/vote", async (HttpContext context) =>
        {
            var session = arena.Auth.RequireAnnotator(context, changesState: true);
            var request = await JsonRequest.ReadAsync(context);
            var pairId = request.RequiredString("pair_id");
            if (pairId.Length > 64) throw ApiException.Invalid("pair_id", "at most 64 characters");
            var outcome = request.RequiredString("outcome");
            if (!VoteOutcomes.All.Contains(outcome)) throw ApiException.Invalid("outcome", $"expected {string.Join(", ", VoteOutcomes.All)}, found \"{outcome}\"");
            var reason = request.String("reason")?.Trim();
            if (reason?.Length > arena.Options.MaxReasonLength)
                throw ApiException.Invalid("reason", $"at most {arena.Options.MaxReasonLength} characters, found {reason.Length}");
            var receipt = arena.Store.Vote(session.AnnotatorId!.Value, pairId, outcome, string.IsNullOrEmpty(reason) ? null : reason);
            await context.Response.WriteAsJsonAsync(receipt, ArenaServices.Json);
        }).RequireRateLimiting(RateLimitPolicy);
        app.MapGet("/api/leaderboard", (HttpContext context) =>
        {
            arena.Auth.RequireSession(context);
            return context.Response.WriteAsJsonAsync(arena.Leaderboard.Current(), ArenaServices.Json);
        });
    }
}
