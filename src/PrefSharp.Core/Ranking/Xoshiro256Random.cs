namespace PrefSharp.Core.Ranking;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2021), seeded by SplitMix64 from one 64-bit seed: a small, fast generator with
/// a documented, reproducible stream (System.Random(int) uses the slower legacy subtractive generator). Bootstrap
/// round r uses <c>SeedSequence.ForRound(seed, r)</c>.
/// </summary>
public sealed class Xoshiro256Random : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256Random(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    /// <summary>Uniform in [0, maxValue) by Lemire's multiply-shift (bias below 2⁻³² for maxValue &lt; 2³¹).</summary>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(((NextUInt64() >> 32) * (ulong)maxValue) >> 32);
    }

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int minValue, int maxValue) => minValue + Next(maxValue - minValue);

    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
