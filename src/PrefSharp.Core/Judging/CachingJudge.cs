using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrefSharp.Core.Data;

namespace PrefSharp.Core.Judging;

/// <summary>
/// An on-disk cache in front of a judge: one small JSON file per call in <see cref="Directory"/>, named by the SHA-256
/// of (kind, judge id, prompt, responses), written atomically. A repeated call, also in a later process, reads the
/// file and does not reach the judge. The judge id must change whenever the model or the prompt template does.
/// </summary>
public sealed class CachingJudge : IPairwiseJudge, IPointwiseJudge
{
    private readonly IPairwiseJudge? _pairwise;
    private readonly IPointwiseJudge? _pointwise;

    /// <param name="judgeId">The model name (and template version) that the key includes.</param>
    public CachingJudge(string directory, string judgeId, IPairwiseJudge? pairwise = null, IPointwiseJudge? pointwise = null)
    {
        if (string.IsNullOrWhiteSpace(judgeId)) throw new ArgumentException("must identify the judge", nameof(judgeId));
        if (pairwise is null && pointwise is null) throw new ArgumentException("wrap at least one judge");
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        JudgeId = judgeId;
        (_pairwise, _pointwise) = (pairwise, pointwise);
    }

    /// <summary>Where the cache files live.</summary>
    public string Directory { get; }

    /// <summary>The judge identity in every key.</summary>
    public string JudgeId { get; }

    public async Task<PairwiseJudgement> CompareAsync(string prompt, string first, string second, CancellationToken cancellation = default)
    {
        var judge = _pairwise ?? throw new InvalidOperationException("this cache wraps no pairwise judge");
        var path = PathOf("pairwise", prompt, first, second);
        if (Read<PairwiseJudgement>(path) is { } cached) return cached;
        var judgement = await judge.CompareAsync(prompt, first, second, cancellation).ConfigureAwait(false);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(judgement));
        return judgement;
    }

    public async Task<PointwiseJudgement> ScoreAsync(string prompt, string response, CancellationToken cancellation = default)
    {
        var judge = _pointwise ?? throw new InvalidOperationException("this cache wraps no pointwise judge");
        var path = PathOf("pointwise", prompt, response);
        if (Read<PointwiseJudgement>(path) is { } cached) return cached;
        var judgement = await judge.ScoreAsync(prompt, response, cancellation).ConfigureAwait(false);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(judgement));
        return judgement;
    }

    /// <summary>The cache key: SHA-256 over the length-prefixed fields, so no two field lists collide.</summary>
    public string Key(string kind, params string[] fields)
    {
        var builder = new StringBuilder();
        foreach (var field in (string[])[kind, JudgeId, .. fields]) builder.Append(field.Length).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private string PathOf(string kind, params string[] fields) => Path.Combine(Directory, Key(kind, fields) + ".json");

    private static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;  // a damaged entry is asked again and overwritten
        }
    }
}
