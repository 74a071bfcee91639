namespace PrefSharp.Bench;

/// <summary>What a benchmark may use: a scratch folder (deleted afterwards), a seed, and a line-oriented log on stderr.</summary>
public sealed class BenchContext(string scratchDirectory, int seed)
{
    public string ScratchDirectory { get; } = scratchDirectory;
    public int Seed { get; } = seed;

    /// <summary>Progress for the human at the terminal; stdout stays pure JSON lines.</summary>
    public void Log(string message) => Console.Error.WriteLine($"[bench] {message}");

    /// <summary>Wall-clock seconds that <paramref name="action"/> takes.</summary>
    public static double Seconds(Action action)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
