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

    /// <summary>Reads <paramref name="path"/> to the end and discards it: the floor any parser of the file is measured against.</summary>
    public static void PlainRead(string path)
    {
        var buffer = new byte[1 << 20];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        while (stream.Read(buffer) > 0) { }
    }
}
