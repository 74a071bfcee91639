using PrefSharp.Evaluation.Eval;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;

namespace PrefSharp.Cli.Commands.Eval;

/// <summary>
/// The models of <c>eval --model</c>: remote ones, <c>NAME=URL#MODEL</c> (an OpenAI-compatible server answering as
/// MODEL, the key from <c>$PREFSHARP_EVAL_API_KEY</c>), and local ones, <c>[NAME=]DIR</c> checkpoints and
/// <c>[NAME=]gym:WORLD@Q</c> gym policies, served in-process on loopback together with a gym judge when there is one.
/// </summary>
internal static class EvalModelSpecs
{
    public static bool IsRemote(string spec) => spec.Contains("://", StringComparison.Ordinal);

    /// <summary>The in-process server for the local models and the gym judge, or null when there is nothing to serve.</summary>
    public static async Task<ModelServer?> ServeLocal(IReadOnlyList<string> specs, JudgeTarget judge, int maxTokens, CancellationToken cancellation)
    {
        var local = specs.Where(spec => !IsRemote(spec)).ToList();
        if (local.Count == 0 && !judge.IsGym) return null;
        return await ModelServer.StartOnLoopbackAsync(local, judge.IsGym ? [judge.Model] : [], maxTokens, cancellation);
    }

    public static EvalModel Resolve(string spec, ModelServer? local)
    {
        if (!IsRemote(spec)) return new EvalModel(CatalogLoader.NameOf(spec), local!.BaseUrl, CatalogLoader.NameOf(spec));
        var equals = spec.IndexOf('=');
        var hash = spec.LastIndexOf('#');
        if (equals <= 0 || hash < equals || !Uri.TryCreate(spec[(equals + 1)..hash], UriKind.Absolute, out var url) || hash == spec.Length - 1)
            throw new ArgumentException($"a remote model is NAME=URL#MODEL, e.g. mine=http://127.0.0.1:8000/v1#qwen; found \"{spec}\"", "--model");
        return new EvalModel(spec[..equals], url, spec[(hash + 1)..], Environment.GetEnvironmentVariable("PREFSHARP_EVAL_API_KEY"));
    }
}
