using System.Diagnostics;
using DuckDB.NET.Data;
using PrefSharp.Core.Data.Streaming;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// rank-parquet: the same Arena battles (100 models, 10M by default) as JSONL and as Parquet (converted by DuckDB),
/// counted four ways: the streamed JSONL reader, the streamed Parquet reader (only model_a, model_b and winner
/// decoded), DuckDB aggregating the Parquet file to counts per (model_a, model_b, winner), and DuckDB with a category
/// filter (<c>WHERE model_a &lt; 'model-50'</c>, what <c>--where</c> needs). Seconds of each against the streamed
/// JSONL reader's (ratio &lt; 1: faster), and the process's peak working set after the streamed readers and after
/// DuckDB against 500 MB.
/// </summary>
public sealed class RankParquetBenchmark(long battles = 10_000_000) : IBenchmark
{
    public string Name => "rank-parquet";
    public string Description => "10M battles: streamed JSONL vs streamed Parquet vs DuckDB group-by (with and without WHERE), seconds and peak MB";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        var jsonl = Path.Combine(context.ScratchDirectory, "battles.jsonl");
        var parquet = Path.Combine(context.ScratchDirectory, "battles.parquet");
        ArenaLogGenerator.Write(jsonl, battles, 100, context.Seed);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"COPY (SELECT model_a, model_b, winner FROM read_json('{jsonl}', format = 'newline_delimited')) TO '{parquet}' (FORMAT parquet)");
        context.Log($"{battles:N0} battles: JSONL {new FileInfo(jsonl).Length / 1e6:F0} MB, Parquet {new FileInfo(parquet).Length / 1e6:F0} MB");

        double streamedJsonl = BenchContext.Seconds(() => BattleCountReader.Read([jsonl]));
        double streamedParquet = BenchContext.Seconds(() => ParquetBattleCountReader.Read([parquet]));
        double streamedPeak = PeakMegabytes();
        long groups = 0, filtered = 0;
        double duck = BenchContext.Seconds(() => groups = Cells(connection, parquet, ""));
        double duckWhere = BenchContext.Seconds(() => filtered = Cells(connection, parquet, "WHERE model_a < 'model-50'"));
        double duckPeak = PeakMegabytes();
        context.Log($"streamed JSONL {streamedJsonl:F2} s, streamed Parquet {streamedParquet:F2} s, DuckDB {duck:F2} s ({groups} cells), " +
            $"DuckDB with WHERE {duckWhere:F2} s ({filtered} cells); peak {streamedPeak:F0} MB streamed, {duckPeak:F0} MB after DuckDB");
        yield return new BenchResult(Name, "streamed_jsonl_seconds", streamedJsonl, "s", streamedJsonl, 1);
        yield return new BenchResult(Name, "streamed_parquet_seconds", streamedParquet, "s", streamedJsonl, streamedParquet / streamedJsonl);
        yield return new BenchResult(Name, "duckdb_parquet_seconds", duck, "s", streamedJsonl, duck / streamedJsonl);
        yield return new BenchResult(Name, "duckdb_parquet_where_seconds", duckWhere, "s", streamedJsonl, duckWhere / streamedJsonl);
        yield return new BenchResult(Name, "peak_working_set_mb_streamed", streamedPeak, "MB", 500, streamedPeak / 500);
        yield return new BenchResult(Name, "peak_working_set_mb_duckdb", duckPeak, "MB", 500, duckPeak / 500);
    }

    /// <summary>Reads DuckDB's counts per (model_a, model_b, winner) cell; returns how many cells there are.</summary>
    private static long Cells(DuckDBConnection connection, string parquet, string where)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT model_a, model_b, winner, count(*) FROM read_parquet('{parquet}') {where} GROUP BY ALL";
        using var reader = command.ExecuteReader();
        long cells = 0, total = 0;
        while (reader.Read()) { cells++; total += reader.GetInt64(3); }
        return total > 0 ? cells : 0;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static double PeakMegabytes()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1e6;
    }
}
