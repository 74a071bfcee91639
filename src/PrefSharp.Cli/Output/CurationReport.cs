using System.Globalization;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.Curation;

namespace PrefSharp.Cli.Output;

/// <summary>What <c>data curate</c> prints (counts per decision and mean strength per decile) and its per-pair JSONL.</summary>
internal static class CurationReport
{
    public static void WriteSummary(TextWriter writer, PreferenceCuration.Result result, long written, string output)
    {
        int Count(CurationDecision decision) => result.Rows.Count(r => r.Decision == decision);
        writer.WriteLine($"curate: {result.Rows.Count} pairs scored by {result.Members} reward model(s); flagged {result.Rows.Count(r => r.Flagged)} "
            + $"(flipped {Count(CurationDecision.Flipped)}, dropped {Count(CurationDecision.DroppedFlagged)}); "
            + $"dropped {Count(CurationDecision.DroppedDisagreement)} below --min-strength; wrote {written} pairs to {output}");
        writer.WriteLine("mean strength by decile (weakest first): " + string.Join(" ",
            PreferenceCuration.Deciles(result.Rows).Select(d => d.MeanStrength.ToString("F3", CultureInfo.InvariantCulture))));
    }

    public static void WriteRows(string path, IReadOnlyList<CuratedPair> rows) => AtomicFile.WriteAllText(path, string.Concat(rows.Select(r => new JsonObject
    {
        ["index"] = r.Index, ["strength_mean"] = r.MeanStrength, ["strength_std"] = r.StrengthStd, ["flagged"] = r.Flagged,
        ["decision"] = r.Decision switch
        {
            CurationDecision.Kept => "kept", CurationDecision.Flipped => "flipped",
            CurationDecision.DroppedFlagged => "dropped-flagged", _ => "dropped-disagreement",
        },
    }.ToJsonString() + "\n")));
}
