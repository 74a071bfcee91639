using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Arena.Pages;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena.Api;

/// <summary>The pages (<c>/</c> voting, <c>/leaderboard</c>, <c>/admin</c>), their assets, and <c>/join/INVITE</c>, which signs an annotator in.</summary>
internal static class PageRoutes
{
    public static void Map(WebApplication app, ArenaServices arena)
    {
        app.MapGet("/", (HttpContext context) => StaticAssets.Write(context, "vote.html"));
        app.MapGet("/leaderboard", (HttpContext context) => StaticAssets.Write(context, "leaderboard.html"));
        app.MapGet("/admin", (HttpContext context) => StaticAssets.Write(context, "admin.html"));
        app.MapGet("/assets/{name}", (HttpContext context, string name) => StaticAssets.Exists(name) && !name.EndsWith(".html", StringComparison.Ordinal)
            ? StaticAssets.Write(context, name) : throw new ApiException(404, "no such asset", code: "not_found"));
        app.MapGet("/join/{invite}", (HttpContext context, string invite) =>
        {
            var session = invite.Length <= 100 ? arena.Store.OpenSession(invite) : null;
            if (session is null) throw new ApiException(404, "unknown invite link; ask the arena's admin for a new one", code: "unknown_invite");
            arena.Auth.SetSessionCookie(context, session);
            context.Response.Redirect("/");
            return Task.CompletedTask;
        });
    }
}
