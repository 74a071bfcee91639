namespace PrefSharp.Core.Ranking;

/// <summary>Settings of a nonparametric bootstrap (Efron 1979; Efron &amp; Tibshirani 1993, Ch. 6 and 13).</summary>
public sealed record BootstrapOptions
{
    /// <summary>
    /// The fewest rounds the <c>rank</c> verb accepts: with 100 rounds the limits of a 95% percentile interval lie
    /// between the 3rd/4th and 97th/98th ordered draws; with fewer, each tail rests on one or two draws (and with one
    /// round the interval is a single draw that need not contain the estimate).
    /// </summary>
    public const int MinimumRounds = 100;

    /// <summary>Resampling rounds; default 1000 (Chatbot Arena's notebook).</summary>
    public int Rounds { get; init; } = 1000;

    /// <summary>Seed: round r draws from <c>SeedSequence.ForRound(Seed, r)</c>; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Default <see cref="BootstrapMethod.PairCounts"/> (fast, multinomial on cell counts).</summary>
    public BootstrapMethod Method { get; init; } = BootstrapMethod.PairCounts;

    /// <summary>Threads for the rounds; −1 (default) uses all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The options for the rounds' <see cref="Parallel"/> loop, at most one thread per core. Left at −1, the thread
    /// pool adds threads while long rounds run, and each holds a resample and its solver buffers (about 60 MB for
    /// a million pairs): a hundred rounds on 100,000 items grew to about a hundred threads and 7 GB.
    /// </summary>
    public ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism };

    public void Validate()
    {
        if (Rounds < 1) throw new ArgumentException($"Rounds must be ≥ 1 (got {Rounds}).", nameof(Rounds));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentException($"MaxDegreeOfParallelism must be −1 or ≥ 1 (got {MaxDegreeOfParallelism}).", nameof(MaxDegreeOfParallelism));
    }
}
