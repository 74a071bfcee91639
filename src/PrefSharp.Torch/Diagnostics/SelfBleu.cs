namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// Self-BLEU (Zhu et al. 2018, "Texygen", §3.2): the mean over samples of BLEU-4 (Papineni et al. 2002, Eq. for BLEU:
/// BP · exp(Σ_n ¼ log p_n), clipped n-gram precisions p_n, brevity penalty BP = min(1, exp(1 − r/c)) with r the
/// reference length closest to c) of each sample against all the others as references. High self-BLEU = low
/// diversity. Zero n-gram matches are smoothed as NLTK's method 1 (Chen and Cherry 2014), which Texygen uses:
/// p_n = 0.1 / (n-grams in the hypothesis). Orders for which a hypothesis has no n-gram at all (fewer than n tokens)
/// are left out and the weights of the rest renormalised.
/// </summary>
public static class SelfBleu
{
    /// <summary>Epsilon of smoothing method 1.</summary>
    public const double SmoothingEpsilon = 0.1;

    /// <summary>Self-BLEU of token sequences; needs at least two samples.</summary>
    public static double Compute<T>(IReadOnlyList<IReadOnlyList<T>> samples, int maxOrder = 4) where T : IEquatable<T>
    {
        if (samples.Count < 2) throw new ArgumentException($"self-BLEU needs at least two samples, found {samples.Count}", nameof(samples));
        var total = 0.0;
        for (var i = 0; i < samples.Count; i++)
            total += Bleu(samples[i], [.. samples.Where((_, j) => j != i)], maxOrder);
        return total / samples.Count;
    }

    /// <summary>Self-BLEU of texts split on white space.</summary>
    public static double Compute(IReadOnlyList<string> texts, int maxOrder = 4) => Compute(NGram<string>.Words(texts), maxOrder);

    /// <summary>Sentence BLEU of <paramref name="hypothesis"/> against <paramref name="references"/>, uniform weights up to <paramref name="maxOrder"/>.</summary>
    public static double Bleu<T>(IReadOnlyList<T> hypothesis, IReadOnlyList<IReadOnlyList<T>> references, int maxOrder = 4) where T : IEquatable<T>
    {
        if (maxOrder < 1) throw new ArgumentException($"maxOrder must be ≥ 1, found {maxOrder}", nameof(maxOrder));
        if (references.Count == 0) throw new ArgumentException("need at least one reference", nameof(references));
        if (hypothesis.Count == 0) return 0;
        double logSum = 0;
        var orders = 0;
        for (var n = 1; n <= maxOrder; n++)
        {
            var counts = NGram<T>.Counts(hypothesis, n);
            var total = counts.Values.Sum();
            if (total == 0) continue;
            var maxReference = new Dictionary<NGram<T>, int>();
            foreach (var reference in references)
                foreach (var (gram, count) in NGram<T>.Counts(reference, n))
                    maxReference[gram] = Math.Max(count, maxReference.GetValueOrDefault(gram));
            var clipped = counts.Sum(pair => Math.Min(pair.Value, maxReference.GetValueOrDefault(pair.Key)));
            logSum += Math.Log((clipped > 0 ? clipped : SmoothingEpsilon) / total);
            orders++;
        }
        var closest = references.Select(r => r.Count).OrderBy(length => Math.Abs(length - hypothesis.Count)).ThenBy(length => length).First();
        var brevity = hypothesis.Count > closest ? 1.0 : Math.Exp(1 - closest / (double)hypothesis.Count);
        return brevity * Math.Exp(logSum / orders);
    }
}
