using PrefSharp.Core.Data;

namespace PrefSharp.Server.Arena.Export;

/// <summary>
/// The arena's exports: <c>battles</c> (PrefSharp battle JSONL with texts and style features; <c>rank</c> reads it),
/// <c>arena</c> (Chatbot Arena JSONL) and <c>trl</c> (TRL <c>{prompt, chosen, rejected}</c> pairs of the decided votes,
/// which <c>train-rm</c> and <c>dpo</c> read; ties and votes without texts are left out).
/// </summary>
public static class ExportFormat
{
    public static IReadOnlyList<string> Names { get; } = ["battles", "arena", "trl"];

    /// <summary>Writes <paramref name="battles"/> in <paramref name="format"/>; returns how many records.</summary>
    public static long Write(string format, IReadOnlyList<Battle> battles, Stream stream) => format switch
    {
        "battles" => BattleJsonlWriter.Write(stream, battles),
        "arena" => ArenaJsonlWriter.Write(stream, battles),
        "trl" => TrlJsonlWriter.Write(stream, battles.Where(b => !b.IsTie && b.TextA is not null && b.TextB is not null && b.TextA != b.TextB)
            .Select(b => (PreferenceRecord)b.ToPreferencePair())),
        _ => throw new ArgumentException($"format: expected {string.Join(", ", Names)}, found \"{format}\"", nameof(format)),
    };

    /// <summary>The file name a download of <paramref name="format"/> gets.</summary>
    public static string FileName(string format) => format switch { "battles" => "arena-battles.jsonl", "arena" => "arena-chatbot-arena.jsonl", _ => "arena-trl.jsonl" };
}
