using System.IO.Compression;
using System.Text.Json;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Tests.Ranking.B;

/// <summary>
/// Test-only reader of alpaca-eval2-weighted-compact.jsonl.gz as length-control annotations. Unlike the real reader
/// (Data/AlpacaEvalCompactFormat), it keeps the baseline's rows against itself, which AlpacaEval's GLM uses to pin
/// the baseline at exactly 50%.
/// </summary>
internal static class AlpacaEvalCompactReader
{
    public const string RelativePath = "battles/alpaca-eval2-weighted-compact.jsonl.gz";

    public static List<LengthControlledAnnotation> Read()
    {
        var path = SharedData.Path(RelativePath);
        var rows = new List<LengthControlledAnnotation>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var preference = root.GetProperty("preference");
            if (preference.ValueKind != JsonValueKind.Number) continue;
            double p = preference.GetDouble();
            rows.Add(new LengthControlledAnnotation(
                root.GetProperty("index").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                root.GetProperty("generator_2").GetString()!,
                p == 0 ? 0.5 : p - 1, // AlpacaEval: 0 is a draw; otherwise preference − 1 is P(output_2 better)
                root.GetProperty("len_output_2").GetDouble(),
                root.GetProperty("len_output_1").GetDouble()));
        }
        return rows;
    }
}
