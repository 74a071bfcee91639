namespace PrefSharp.Core.Ranking;

/// <summary>
/// Deterministic per-round seeds for resampling: round r of a run seeded with s uses
/// <c>new Random(SeedSequence.ForRound(s, r))</c>, where ForRound mixes (s, r) with SplitMix64 (Steele, Lea &amp; Flood 2014).
/// Rounds are independent streams, so results do not depend on how rounds are spread over threads.
/// </summary>
public static class SeedSequence
{
    public static int ForRound(int seed, int round)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)(uint)round + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
