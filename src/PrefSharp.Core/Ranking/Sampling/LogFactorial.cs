namespace PrefSharp.Core.Ranking.Sampling;

/// <summary>log k!: a table below 1024, Stirling's series (via <see cref="AccurateMath.LogGamma"/>) above.</summary>
internal static class LogFactorial
{
    private static readonly double[] Table = Build(1024);

    public static double Of(int k) => k < Table.Length ? Table[k] : AccurateMath.LogGamma(k + 1.0);

    private static double[] Build(int size)
    {
        var table = new double[size];
        for (int k = 1; k < size; k++) table[k] = table[k - 1] + Math.Log(k);
        return table;
    }
}
