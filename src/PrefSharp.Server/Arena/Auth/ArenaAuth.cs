using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Arena.Storage;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena.Auth;

/// <summary>
/// Who may do what. Annotators and the admin hold a session cookie (HttpOnly, SameSite=Strict, Secure under TLS);
/// every state-changing request must carry the session's anti-forgery token in <c>X-CSRF-Token</c> (synchronizer
/// token: an HMAC of the session secret), a JSON body, and no foreign <c>Origin</c>. Scripts may instead send the admin
/// token as <c>Authorization: Bearer TOKEN</c>, which browsers never attach on their own.
/// </summary>
public sealed class ArenaAuth(ArenaStore store, bool secureCookies)
{
    public const string SessionCookie = "arena_session";
    public const string CsrfHeader = "X-CSRF-Token";

    private readonly string csrfKey = store.CsrfKey;

    public ArenaSession? Find(HttpContext context) => store.FindSession(context.Request.Cookies[SessionCookie]);

    public ArenaSession RequireSession(HttpContext context) =>
        Find(context) ?? throw new ApiException(401, "no session: open your invite link first", code: "no_session");

    /// <summary>An annotator's session; a state-changing request also needs its anti-forgery token.</summary>
    public ArenaSession RequireAnnotator(HttpContext context, bool changesState)
    {
        var session = RequireSession(context);
        if (session.AnnotatorId is null) throw new ApiException(403, "the admin session cannot vote; open an invite link", code: "not_annotator");
        if (changesState) RequireForm(context, session);
        return session;
    }

    /// <summary>The admin: a valid bearer token, or an admin session (with its anti-forgery token when state changes).</summary>
    public void RequireAdmin(HttpContext context, bool changesState)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            if (store.IsAdminToken(header[7..])) return;
            throw new ApiException(401, "wrong admin token", code: "invalid_admin_token");
        }
        var session = Find(context);
        if (session is not { IsAdmin: true })
            throw new ApiException(401, "admin only: sign in at /admin or send Authorization: Bearer ADMIN_TOKEN", code: "no_admin_session");
        if (changesState) RequireForm(context, session);
    }

    /// <summary>The anti-forgery token of <paramref name="session"/>, for its page to send back.</summary>
    public string CsrfToken(ArenaSession session) => Secrets.Csrf(csrfKey, session.Secret);

    /// <summary>A JSON post from this origin: 415 for another content type, 403 for a foreign origin.</summary>
    public static void RequireJsonPost(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            throw new ApiException(415, "the body must be JSON (Content-Type: application/json)", code: "unsupported_media_type");
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Authority != context.Request.Host.Value)
            throw new ApiException(403, $"cross-origin request from {origin} refused", code: "forged_request");
    }

    public void SetSessionCookie(HttpContext context, string secret) =>
        context.Response.Cookies.Append(SessionCookie, secret, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = secureCookies, Path = "/", MaxAge = TimeSpan.FromDays(30),
        });

    private void RequireForm(HttpContext context, ArenaSession session)
    {
        RequireJsonPost(context);
        if (!Secrets.Same(context.Request.Headers[CsrfHeader].ToString(), CsrfToken(session)))
            throw new ApiException(403, $"missing or wrong anti-forgery token ({CsrfHeader}); reload the page", code: "forged_request");
    }
}
