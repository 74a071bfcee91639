using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Arena.Auth;
using PrefSharp.Server.Arena.Export;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena.Api;

/// <summary>
/// The admin's API: sign in with the admin token, create invite links, read the latest votes with their reasons, and
/// export every vote as battles, Chatbot Arena JSONL or TRL pairs.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, ArenaServices arena)
    {
        app.MapPost("/api/admin/login", async (HttpContext context) =>
        {
            ArenaAuth.RequireJsonPost(context);
            var token = (await JsonRequest.ReadAsync(context)).RequiredString("token");
            var session = arena.Store.OpenAdminSession(token) ?? throw new ApiException(401, "wrong admin token", "token", "invalid_admin_token");
            arena.Auth.SetSessionCookie(context, session);
            await context.Response.WriteAsJsonAsync(new { admin = true });
        });
        app.MapPost("/api/admin/invites", async (HttpContext context) =>
        {
            arena.Auth.RequireAdmin(context, changesState: true);
            var name = (await JsonRequest.ReadAsync(context)).RequiredString("name").Trim();
            if (name.Length is 0 or > 100) throw ApiException.Invalid("name", "must be 1–100 characters");
            var invite = arena.Store.CreateInvite(name);
            await context.Response.WriteAsJsonAsync(new { name, invite_url = $"{context.Request.Scheme}://{context.Request.Host}/join/{invite}" });
        });
        app.MapGet("/api/admin/votes", (HttpContext context) =>
        {
            arena.Auth.RequireAdmin(context, changesState: false);
            var latest = arena.Store.Votes().TakeLast(100).Reverse()
                .Select(v => new { v.Annotator, v.QuestionId, v.ModelA, v.ModelB, v.Outcome, v.Reason, v.Voted });
            return context.Response.WriteAsJsonAsync(latest, ArenaServices.Json);
        });
        app.MapGet("/api/admin/export/{format}", async (HttpContext context, string format) =>
        {
            arena.Auth.RequireAdmin(context, changesState: false);
            if (!ExportFormat.Names.Contains(format)) throw new ApiException(404, $"no export \"{format}\"; expected {string.Join(", ", ExportFormat.Names)}", code: "unknown_format");
            using var buffer = new MemoryStream();
            ExportFormat.Write(format, ArenaBattles.From(arena.Store.Votes()), buffer);
            context.Response.ContentType = "application/x-ndjson; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ExportFormat.FileName(format)}\"";
            await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
        });
    }
}
