namespace PrefSharp.Core.Gym;

/// <summary>Standard normal draws by the Box–Muller transform (deterministic given the <see cref="Random"/>).</summary>
public static class Gaussian
{
    public static double Sample(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // in (0, 1]: log is finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
