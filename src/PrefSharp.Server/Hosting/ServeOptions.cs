using System.Net;

namespace PrefSharp.Server.Hosting;

/// <summary>Where <see cref="ModelServer"/> listens and the limits every request is held to.</summary>
public sealed record ServeOptions
{
    /// <summary>Address to bind; anything but a loopback address requires <see cref="ApiKey"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="ModelServer.BaseUrl"/>).</summary>
    public int Port { get; init; } = 8000;

    /// <summary>When set, every request must carry <c>Authorization: Bearer KEY</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Largest <c>max_tokens</c> a request may ask for (also the default when it asks for none).</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>Largest <c>n</c> (choices per prompt).</summary>
    public int MaxChoices { get; init; } = 8;

    /// <summary>Requests waiting per model; one more gets 429.</summary>
    public int QueueLength { get; init; } = 64;

    /// <summary>Most sequences decoded together in one batch.</summary>
    public int MaxBatchRows { get; init; } = 16;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public ServeOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("must name an address", "--host");
        if (!IsLoopback(Host) && string.IsNullOrEmpty(ApiKey))
            throw new ArgumentException($"binding {Host} exposes the server beyond this machine; give --api-key (or bind 127.0.0.1)", "--api-key");
        if (Port is < 0 or > 65535) throw new ArgumentException($"must be in [0, 65535], found {Port}", "--port");
        if (MaxBodyBytes < 1024) throw new ArgumentException($"must be ≥ 1024, found {MaxBodyBytes}", "--max-body-bytes");
        if (MaxTokens < 1) throw new ArgumentException($"must be ≥ 1, found {MaxTokens}", "--max-tokens");
        if (MaxChoices < 1) throw new ArgumentException($"must be ≥ 1, found {MaxChoices}", "--max-n");
        if (QueueLength < 1) throw new ArgumentException($"must be ≥ 1, found {QueueLength}", "--queue");
        if (MaxBatchRows < 1) throw new ArgumentException($"must be ≥ 1, found {MaxBatchRows}", "--max-batch");
        if (MaxChoices > MaxBatchRows)
            throw new ArgumentException($"--max-n {MaxChoices} exceeds --max-batch {MaxBatchRows}: one request's choices are decoded in one batch", "--max-n");
        return this;
    }

    /// <summary>True for <c>localhost</c> and loopback IP addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
