using PrefSharp.Bench.Benchmarks;
using PrefSharp.Bench.Benchmarks.Arena;

namespace PrefSharp.Bench;

/// <summary>Every benchmark, by name. Later issues add theirs here.</summary>
public static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new ParseJsonlBenchmark(),
        new GenerateKvCacheBenchmark(),
        new RankOneMillionBenchmark(),
        new RankStreamBenchmark(),
        new RankManyItemsBenchmark(),
        new RankHundredMillionBenchmark(),
        new RankParquetBenchmark(),
        new TrainThroughputBenchmark(),
        new DpoStepBenchmark(),
        new GrpoStepBenchmark(),
        new GymRewardModelBenchmark(),
        new OnlineKlBudgetBenchmark(),
        new OnlineDefencesBenchmark(),
        new ConstrainedRlhfBenchmark(),
        new GymMultiObjectiveBenchmark(),
        new GymRewardHeadsBenchmark(),
        new GymRankingAccuracyBenchmark(),
        new ServeBatchingBenchmark(),
        new JudgeParallelBenchmark(),
        new ArenaLoadBenchmark(),
        new GymNashBenchmark(),
    ];

    public static IBenchmark? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
