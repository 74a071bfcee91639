using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;

namespace PrefSharp.Server.Arena.Content;

/// <summary>
/// PrefSharp checkpoints as arena models (<c>arena --model [NAME=]DIR</c>): served in-process on a loopback port for
/// as long as they answer every prompt once (<see cref="EndpointAnswers"/>), then released. An answer may take half
/// the smallest context of the checkpoints, at most 512 tokens.
/// </summary>
public static class CheckpointAnswers
{
    public static async Task<ArenaContent> AddAsync(ArenaContent content, IReadOnlyList<string> checkpoints, CancellationToken cancellation = default)
    {
        if (checkpoints.Count == 0) return content;
        await using var server = await ModelServer.StartOnLoopbackAsync(checkpoints, [], cancellation: cancellation);
        var names = checkpoints.Select(CatalogLoader.NameOf).ToList();
        var maxTokens = Math.Min(512, names.Min(name => server.Catalog.Policy(name).ContextLength) / 2);
        var endpoints = names.Select(name => new ArenaEndpoint(name, server.BaseUrl)).ToList();
        return await EndpointAnswers.AddAsync(content, endpoints, apiKey: null, maxTokens: maxTokens, cancellation: cancellation);
    }
}
