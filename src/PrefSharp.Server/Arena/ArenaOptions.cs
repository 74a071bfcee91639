using PrefSharp.Server.Arena.Pairing;
using PrefSharp.Server.Hosting;

namespace PrefSharp.Server.Arena;

/// <summary>Where the arena listens, where it stores votes, how it pairs models, and the limits on each annotator.</summary>
public sealed record ArenaOptions
{
    /// <summary>Address to bind; anything but loopback requires <see cref="TlsCertificate"/> or <see cref="InsecureHttp"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The SQLite file of votes, annotators and sessions.</summary>
    public string Database { get; init; } = "arena.db";

    public PairSelection Selection { get; init; } = PairSelection.Uniform;

    /// <summary>Probability of serving an item another annotator voted on, for agreement statistics. Default 0.1.</summary>
    public double Overlap { get; init; } = 0.1;

    /// <summary>A PFX certificate for HTTPS.</summary>
    public string? TlsCertificate { get; init; }

    public string? TlsPassword { get; init; }

    /// <summary>Allow plain HTTP on a non-loopback address (behind a TLS-terminating proxy, or on a trusted network).</summary>
    public bool InsecureHttp { get; init; }

    /// <summary>Requests per minute one annotator may make to the pair and vote endpoints (token bucket); 0: unlimited.</summary>
    public int RequestsPerMinute { get; init; } = 60;

    /// <summary>Requests an annotator may make at once before the rate applies.</summary>
    public int Burst { get; init; } = 20;

    /// <summary>Largest request body; larger gets 413.</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Longest reason (characters) a vote may carry.</summary>
    public int MaxReasonLength { get; init; } = 2000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public ArenaOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("must name an address", "--host");
        if (!ServeOptions.IsLoopback(Host) && TlsCertificate is null && !InsecureHttp)
            throw new ArgumentException($"binding {Host} exposes votes and sessions beyond this machine; give --tls-cert FILE.pfx, or --insecure-http behind a TLS proxy", "--host");
        if (Port is < 0 or > 65535) throw new ArgumentException($"must be in [0, 65535], found {Port}", "--port");
        if (string.IsNullOrWhiteSpace(Database)) throw new ArgumentException("must name a file", "--db");
        if (Overlap is < 0 or > 1 || double.IsNaN(Overlap)) throw new ArgumentException($"must be in [0, 1], found {Overlap}", "--overlap");
        if (TlsCertificate is { } pfx && !File.Exists(pfx)) throw new ArgumentException($"{pfx}: no such file", "--tls-cert");
        if (RequestsPerMinute < 0) throw new ArgumentException($"must be ≥ 0, found {RequestsPerMinute}", "--rate");
        if (Burst < 1) throw new ArgumentException($"must be ≥ 1, found {Burst}", "--burst");
        if (MaxBodyBytes is < 1024 or > 1 << 24) throw new ArgumentException($"must be in [1024, 16777216], found {MaxBodyBytes}", "--max-body-bytes");
        if (MaxReasonLength is < 0 or > 100_000) throw new ArgumentException($"must be in [0, 100000], found {MaxReasonLength}", "--max-reason");
        return this;
    }
}
