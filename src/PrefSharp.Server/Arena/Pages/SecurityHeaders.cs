using Microsoft.AspNetCore.Http;

namespace PrefSharp.Server.Arena.Pages;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows scripts, styles and requests only from the arena
/// itself (no inline script or style, no plugins, no framing), no MIME sniffing, and no Referer (invite links carry a
/// secret in their path).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public static Task Add(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
