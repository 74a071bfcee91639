using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace PrefSharp.Server.Arena.Pages;

/// <summary>
/// The arena's pages, scripts and stylesheet, embedded in the assembly (resources named <c>arena/FILE</c>) and served
/// as files: no inline script, no framework, nothing from a CDN. Every text the pages show arrives as JSON and is set
/// with <c>textContent</c>, so it is never parsed as HTML.
/// </summary>
internal static class StaticAssets
{
    private const string Prefix = "arena/";

    private static readonly Dictionary<string, byte[]> Files = Load();

    public static bool Exists(string name) => Files.ContainsKey(name);

    public static Task Write(HttpContext context, string name)
    {
        var bytes = Files[name];
        context.Response.ContentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        };
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
