namespace PrefSharp.Core.Data;

/// <summary>
/// The registry of input formats, by short name (for <c>--format</c>), and auto-detection: the first record-based
/// format, in this order, whose distinguishing fields the first record has. More specific formats come first
/// (PrefSharp battles, arena, Tülu, AlpacaEval, PandaLM, listwise, ShareGPT, HH-RLHF), TRL last as the general case.
/// </summary>
public static class DataFormat
{
    /// <summary>Every format, in detection order; rankings-txt is chosen by the container (plain text), not by fields.</summary>
    public static IReadOnlyList<IDataFormat> All { get; } =
    [
        new BattlesFormat(), new ArenaFormat(), new TuluHumanEvalFormat(), new AlpacaEvalFormat(), new AlpacaEvalCompactFormat(),
        new PandaLmFormat(), new PandaLmJudgeFormat(), new ListwiseFormat(), new ShareGptFormat(), new HhRlhfFormat(), new LlmBarFormat(),
        new TrlFormat(), new RankingsTextFormat(),
    ];

    public static IEnumerable<string> Names => All.Select(format => format.Name);

    /// <summary>The format with this short name; an <see cref="ArgumentException"/> listing the names otherwise.</summary>
    public static IDataFormat Find(string name) =>
        All.FirstOrDefault(format => string.Equals(format.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown data format \"{name}\"; expected one of: {string.Join(", ", Names)}", nameof(name));

    /// <summary>The first record format whose fields <paramref name="record"/> has, or null.</summary>
    public static IRecordFormat? Detect(RecordFields record) =>
        All.OfType<IRecordFormat>().FirstOrDefault(format => format.Matches(record));
}
