using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace PrefSharp.Server.Hosting;

/// <summary>The web host both servers start from: minimal APIs, no logging providers, no Server header, one address, a body limit.</summary>
internal static class SlimHost
{
    /// <summary>A builder that listens on <paramref name="host"/> (an IP address or <c>localhost</c>) and <paramref name="port"/>.</summary>
    public static WebApplicationBuilder Create(string host, int port, long maxBodyBytes, Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
            kestrel.AddServerHeader = false;
            var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(host);
            kestrel.Listen(address, port, listen ?? (_ => { }));
        });
        return builder;
    }
}
