using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Tests.Ranking.Style;

/// <summary>
/// alpaca-eval2-weighted-compact.jsonl.gz as length-control annotations, read by the library's reader: every row,
/// the baseline's rows against itself included, which AlpacaEval's GLM uses to pin the baseline at exactly 50%.
/// </summary>
internal static class AlpacaEvalCompactReader
{
    public const string RelativePath = "battles/alpaca-eval2-weighted-compact.jsonl.gz";

    public static List<LengthControlledAnnotation> Read() =>
        new PreferenceFileReader(SharedData.Path(RelativePath)).Cast<Battle>()
            .Select((battle, row) => LengthControlledAnnotation.FromBattle(battle, row)).ToList();
}
