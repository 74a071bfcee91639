namespace PrefSharp.Core.Ranking;

/// <summary>
/// The refitted natural-scale log-strengths of every bootstrap round (centred per component, like the full fit),
/// the tie parameter of each round (NaN without one), and how many rounds had no finite unpenalised estimate
/// (an item lost all its battles, or never won or never lost, in that resample) and were refitted with a weak
/// prior of precision <see cref="PairwiseBootstrap.FallbackPriorPrecision"/>.
/// </summary>
public sealed record BootstrapSamples(double[][] Strengths, double[] TieParameters, int DegenerateRounds)
{
    public int Rounds => Strengths.Length;
}
