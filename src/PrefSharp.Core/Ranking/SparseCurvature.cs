namespace PrefSharp.Core.Ranking;

/// <summary>
/// The Hessian of a pairwise log-likelihood kept by pair instead of as an n×n matrix: the second derivative in
/// d = β_first − β_second of every pair (a weighted graph Laplacian), its mixed derivative with the tie
/// parameter τ, ∂²/∂τ², and the prior's precision on the diagonal. Memory and a Hessian–vector product cost
/// O(pairs + n) (Nocedal &amp; Wright 2006, §7.1: Hessian-free Newton).
/// </summary>
internal sealed class SparseCurvature(PairwiseCounts counts, bool hasTieParameter)
{
    public readonly double[] DD = new double[counts.PairCount];
    public readonly double[] DTau = new double[hasTieParameter ? counts.PairCount : 0];
    public double TauTau;
    public double PriorPrecision;

    public int Dimension => counts.ItemCount + (hasTieParameter ? 1 : 0);

    /// <summary>Whether this curvature is kept for <paramref name="other"/> (the same counts object and tie model).</summary>
    public bool Describes(PairwiseCounts other, bool withTieParameter) => ReferenceEquals(counts, other) && hasTieParameter == withTieParameter;

    public void Clear()
    {
        Array.Clear(DD);
        if (hasTieParameter) Array.Clear(DTau);
        TauTau = 0;
    }

    /// <summary>y = (−H + shift·I)·v for v zero outside the free parameters; y is zeroed outside them by the caller.</summary>
    public void NegativeProduct(ReadOnlySpan<double> v, Span<double> y, double shift)
    {
        int n = counts.ItemCount;
        y.Clear();
        for (int pair = 0; pair < DD.Length; pair++)
        {
            double dd = DD[pair];
            if (dd == 0 && (!hasTieParameter || DTau[pair] == 0)) continue; // e.g. a pair a bootstrap resample left empty
            int i = counts.First[pair], j = counts.Second[pair];
            double difference = -dd * (v[i] - v[j]);
            y[i] += difference;
            y[j] -= difference;
            if (!hasTieParameter) continue;
            double mixed = -DTau[pair];
            y[i] += mixed * v[n];
            y[j] -= mixed * v[n];
            y[n] += mixed * (v[i] - v[j]);
        }
        for (int k = 0; k < n; k++) y[k] += (PriorPrecision + shift) * v[k];
        if (hasTieParameter) y[n] += (-TauTau + shift) * v[n];
    }

    /// <summary>The diagonal of −H (the Jacobi preconditioner).</summary>
    public void NegativeDiagonal(Span<double> diagonal)
    {
        int n = counts.ItemCount;
        diagonal.Clear();
        for (int pair = 0; pair < DD.Length; pair++)
        {
            diagonal[counts.First[pair]] -= DD[pair];
            diagonal[counts.Second[pair]] -= DD[pair];
        }
        for (int k = 0; k < n; k++) diagonal[k] += PriorPrecision;
        if (hasTieParameter) diagonal[n] = -TauTau;
    }
}
