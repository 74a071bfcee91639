namespace PrefSharp.Core.Ranking.Sampling;

/// <summary>
/// Exact draws from Multinomial(N, counts/N), N = Σ counts: the law of the cell counts of N items resampled with
/// replacement (the pair-count bootstrap). Poissonisation with completion: cell k draws X_k ~ Poisson(λ·counts[k]/N)
/// independently, λ = N − 3√N; given S = Σ X_k = s the X_k are Multinomial(s, counts/N), so when s ≤ N adding N − s
/// independent draws from counts/N (an <see cref="AliasTable"/>) gives Multinomial(N, counts/N), and a rare s &gt; N
/// (probability ≈ 0.1 %) is drawn again — a choice that depends on S alone leaves that law unchanged. Everything that
/// depends on the counts is prepared once, so a draw costs about two uniforms per cell plus ~3√N table draws.
/// </summary>
public sealed class MultinomialSampler
{
    private readonly PoissonDraw[] cells;
    private readonly AliasTable? completion;
    private readonly int total;

    public MultinomialSampler(ReadOnlySpan<int> counts)
    {
        long sum = 0;
        foreach (int count in counts) sum += count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(counts), count, "counts must be ≥ 0");
        total = checked((int)sum);
        double lambda = Math.Max(0, total - 3 * Math.Sqrt(total));
        cells = new PoissonDraw[counts.Length];
        for (int k = 0; k < counts.Length; k++) cells[k] = new PoissonDraw(total == 0 ? 0 : lambda * counts[k] / total);
        completion = total > 0 ? new AliasTable(counts) : null;
    }

    /// <summary>Number of cells.</summary>
    public int Cells => cells.Length;

    /// <summary>Writes one draw into <paramref name="result"/> (length <see cref="Cells"/>).</summary>
    public void Sample(Random random, Span<int> result)
    {
        if (result.Length != cells.Length) throw new ArgumentException($"the result needs {cells.Length} cells, found {result.Length}", nameof(result));
        long drawn;
        do
        {
            drawn = 0;
            for (int k = 0; k < cells.Length; k++) drawn += result[k] = cells[k].Sample(random);
        }
        while (drawn > total);
        for (long extra = drawn; extra < total; extra++) result[completion!.Sample(random)]++;
    }
}
