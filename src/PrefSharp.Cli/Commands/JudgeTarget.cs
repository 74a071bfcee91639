namespace PrefSharp.Cli.Commands;

/// <summary>
/// The <c>--judge</c> of the verbs that ask one: an OpenAI-compatible server URL with <c>--judge-model</c> naming the
/// model, or <c>gym:WORLD</c>, a world's simulated annotator served on loopback (its model name is the spec).
/// </summary>
internal sealed record JudgeTarget(Uri? Url, string Model)
{
    public bool IsGym => Url is null;

    public static JudgeTarget Parse(string judge, string? judgeModel)
    {
        if (judge.StartsWith("gym:", StringComparison.Ordinal)) return new JudgeTarget(null, judge);
        if (!Uri.TryCreate(judge, UriKind.Absolute, out var url))
            throw new ArgumentException($"must be an http(s) URL or gym:WORLD, found \"{judge}\"", "--judge");
        return new JudgeTarget(url, judgeModel ?? throw new ArgumentException("give the judge model's name with a URL judge", "--judge-model"));
    }
}
