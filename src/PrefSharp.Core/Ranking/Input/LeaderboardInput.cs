using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;

namespace PrefSharp.Core.Ranking.Input;

/// <summary>
/// What a leaderboard is fitted from: the records of one or more preference files, and whether they were all
/// AlpacaEval annotations (which also get AlpacaEval's own win rates against their common baseline).
/// </summary>
public sealed record LeaderboardInput(IReadOnlyList<PreferenceRecord> Records, bool AlpacaEval)
{
    /// <summary>Reads every file in order; <paramref name="skipped"/> hears what <see cref="ReadOptions.SkipInvalid"/> left out of each.</summary>
    public static LeaderboardInput Read(IEnumerable<string> paths, ReadOptions options, Action<string, SkippedRecords>? skipped = null)
    {
        var records = new List<PreferenceRecord>();
        var alpacaEval = true;
        foreach (var path in paths)
        {
            var reader = new PreferenceFileReader(path, options);
            records.AddRange(reader);
            skipped?.Invoke(path, reader.Skipped);
            alpacaEval &= reader.Format?.Name.StartsWith("alpaca-eval", StringComparison.Ordinal) == true;
        }
        if (options.Where is { } where && records.Count == 0)
            throw new ArgumentException($"no record matches \"{where.Text}\"", "--where");
        return new LeaderboardInput(records, alpacaEval);
    }

    /// <summary>
    /// Whether the leaderboard can be fitted from counts streamed by <see cref="BattleCountReader"/> (no record per
    /// battle): every file a JSONL battle log, or every file a Parquet Arena log (<see cref="ParquetBattleCountReader"/>),
    /// a pairwise model without style or length control, format detection left to the data, no <c>--skip-invalid</c>
    /// (the streamed read stops at the first bad line) and no <c>--where</c>.
    /// </summary>
    public static bool CanStream(IReadOnlyList<string> paths, LeaderboardOptions options, ReadOptions read) =>
        options.Model is RankingModel.BradleyTerry or RankingModel.RaoKupper or RankingModel.Davidson or RankingModel.Thurstone
        && !options.StyleControl && !options.LengthControl && options.BootstrapMethod == BootstrapMethod.PairCounts
        && read.Format is null && !read.SkipInvalid && read.Where is null && paths.Count > 0
        && (paths.All(BattleCountReader.CanRead) || paths.All(ParquetBattleCountReader.CanRead));

    /// <summary>The streamed counts of files that <see cref="CanStream"/> accepted.</summary>
    public static PairwiseCounts StreamCounts(IReadOnlyList<string> paths) =>
        paths.All(BattleCountReader.CanRead) ? BattleCountReader.Read(paths) : ParquetBattleCountReader.Read(paths);

    /// <summary>The rankings among the records (for Plackett–Luce).</summary>
    public IEnumerable<ItemRanking> Rankings() => Records.OfType<ItemRanking>();

    /// <summary>Battles as they are; pairs that name their models become battles; anything else cannot be ranked.</summary>
    public List<Battle> Battles() => Records.Select(record => record switch
    {
        Battle battle => battle,
        PreferencePair { ChosenModel: not null, RejectedModel: not null } pair => pair.ToBattle(),
        _ => throw new DataFormatException(record.Location, null,
            $"a {record.GetType().Name} without model names cannot be ranked", "battles, or pairs naming chosen_model and rejected_model"),
    }).ToList();

    /// <summary>
    /// The options for these battles: AlpacaEval annotations get AlpacaEval's own win rates; those and length
    /// control are against the baseline every battle shares (AlpacaEval's generator_1) unless one is named.
    /// </summary>
    public LeaderboardOptions Complete(LeaderboardOptions options, IReadOnlyList<Battle> battles)
    {
        if (!AlpacaEval && !options.LengthControl) return options;
        var baseline = options.Baseline ?? StarCentre(battles);
        return baseline is null ? options : options with { Baseline = baseline, DirectWinRates = AlpacaEval };
    }

    /// <summary>The one item that takes part in every battle (a star design such as AlpacaEval or Arena-Hard), or null.</summary>
    public static string? StarCentre(IReadOnlyList<Battle> battles)
    {
        if (battles.Count == 0) return null;
        var first = battles[0];
        foreach (var candidate in new[] { first.ItemA, first.ItemB })
            if (battles.All(b => b.ItemA == candidate || b.ItemB == candidate)) return candidate;
        return null;
    }
}
