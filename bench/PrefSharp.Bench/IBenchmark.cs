namespace PrefSharp.Bench;

/// <summary>
/// A benchmark: measures something and a bound for it in the same run, and reports both
/// (see DESIGN.md, "Performance habits"). Register new ones in <see cref="BenchmarkRegistry"/>.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. "parse-jsonl".</summary>
    string Name { get; }

    /// <summary>One line: what is measured and against which bound.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; each result becomes one JSON line.</summary>
    IEnumerable<BenchResult> Run(BenchContext context);
}
