namespace PrefSharp.Core.Ranking;

/// <summary>
/// Deterministic per-round random streams for resampling: round r of a run seeded with s draws from
/// <c>SeedSequence.ForRound(s, r)</c> = <c>new Xoshiro256Random(SplitMix64(s·2³² + r))</c> (Steele, Lea &amp; Flood 2014
/// for SplitMix64). Rounds are independent streams, so results do not depend on how rounds are spread over threads.
/// </summary>
public static class SeedSequence
{
    /// <summary>The 64-bit seed of round <paramref name="round"/>.</summary>
    public static ulong SeedOfRound(int seed, int round)
    {
        ulong state = unchecked(((ulong)(uint)seed << 32) + (uint)round);
        return Xoshiro256Random.SplitMix64(ref state);
    }

    /// <summary>The generator of round <paramref name="round"/>.</summary>
    public static Random ForRound(int seed, int round) => new Xoshiro256Random(SeedOfRound(seed, round));
}
