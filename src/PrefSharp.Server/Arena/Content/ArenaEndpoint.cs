namespace PrefSharp.Server.Arena.Content;

/// <summary>
/// An OpenAI-compatible chat server whose model answers the arena's prompts (OpenAI, vLLM, llama.cpp, Ollama,
/// <c>prefsharp serve</c>): <c>MODEL=URL</c>, MODEL being both the name sent and the name on the leaderboard.
/// </summary>
public sealed record ArenaEndpoint(string Model, Uri BaseUrl)
{
    public static ArenaEndpoint Parse(string spec, string option = "--endpoint")
    {
        var parts = spec.Split('=', 2);
        if (parts.Length != 2 || parts[0].Trim().Length == 0 || !Uri.TryCreate(parts[1], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"{option}: \"{spec}\" is not MODEL=URL (e.g. policy=http://127.0.0.1:8000)", option);
        return new ArenaEndpoint(parts[0].Trim(), url);
    }
}
