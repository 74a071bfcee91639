using System.Text;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes synthetic TRL preference JSONL of a given size, fast and deterministic for a seed: the input of the
/// parse benchmark (a 1 GB file in seconds, nothing downloaded). Texts are random words with some punctuation,
/// quotes, line breaks and non-ASCII letters so that the parser meets escapes and multi-byte UTF-8.
/// </summary>
public static class SyntheticPairs
{
    private static readonly string[] Words =
    [
        "the", "model", "answer", "prefers", "a", "response", "because", "it", "is", "clear", "and", "helpful",
        "preference", "data", "ranking", "of", "to", "in", "for", "with", "reward", "policy", "token", "value",
        "café", "naïve", "déjà", "über", "straße", "größe", "\"quoted\"", "line\nbreak", "tab\there", "emoji🙂",
    ];

    /// <summary>Writes pairs until the file holds at least <paramref name="targetBytes"/> bytes (atomically); returns the number of pairs.</summary>
    public static long Write(string path, long targetBytes, int seed)
    {
        long pairs = 0;
        AtomicFile.Write(path, stream =>
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            using var writer = new JsonRecordWriter(stream);
            while (stream.Position < targetBytes)
            {
                var json = writer.Json;
                json.WriteStartObject();
                json.WriteString("prompt", Sentence(random, text, 10, 60));
                json.WriteString("chosen", Sentence(random, text, 40, 300));
                json.WriteString("rejected", Sentence(random, text, 20, 200));
                json.WriteNumber("margin", Math.Round(random.NextDouble() * 4, 3));
                json.WriteEndObject();
                writer.EndLine();
                pairs++;
            }
        });
        return pairs;
    }

    private static string Sentence(Random random, StringBuilder text, int minWords, int maxWords)
    {
        text.Clear();
        var count = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(i % 17 == 16 ? ". " : " ");
        }
        text.Append(random.Next(1_000_000));
        return text.ToString();
    }
}
