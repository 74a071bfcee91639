using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PrefSharp.Bench.Benchmarks.Arena;

/// <summary>
/// <c>prefsharp arena</c> in a child process (the CLI built beside this benchmark), so that it can be killed with
/// SIGKILL and started again on the same database and port.
/// </summary>
internal sealed class ArenaProcess : IDisposable
{
    private readonly Process process;

    private ArenaProcess(Process process, Uri baseUrl, string? adminToken) => (this.process, BaseUrl, AdminToken) = (process, baseUrl, adminToken);

    public Uri BaseUrl { get; }

    /// <summary>The admin token, printed only by the start that created the database.</summary>
    public string? AdminToken { get; }

    /// <summary>A TCP port free now on loopback, to start and restart the arena on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the gym-world arena on <paramref name="database"/> without a rate limit; returns once it listens.</summary>
    public static async Task<ArenaProcess> StartAsync(string database, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "prefsharp.dll"), "arena", "--db", database,
                     "--port", port.ToString(), "--rate", "0", "--overlap", "0"])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prefsharp arena");
        string? token = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("admin token", StringComparison.Ordinal)) token = line[(line.LastIndexOf(' ') + 1)..];
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
                return new ArenaProcess(process, new Uri(line.Split(' ')[2]), token);
        }
        throw new InvalidOperationException($"prefsharp arena exited before listening: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
