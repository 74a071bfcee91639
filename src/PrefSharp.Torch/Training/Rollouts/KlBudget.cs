namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>
/// Early stopping at a KL budget: watches the sequence-level KL(π ‖ π_ref) of the policy's own rollouts, step by step,
/// and reports when the mean over the last <see cref="Window"/> steps first reaches <see cref="Budget"/> nats. Gao et
/// al. (2023, "Scaling Laws for Reward Model Overoptimization") measure gold reward as a function of this KL and find
/// that an explicit KL penalty does not improve the gold-vs-KL frontier: it acts like early stopping. Stopping at a
/// budget fixed in advance is that remedy without looking at the gold reward, and it puts competing runs at the same
/// KL. One step's estimate rests on a few dozen samples, so a trailing mean, not a single step, decides.
/// </summary>
public sealed class KlBudget
{
    private readonly Queue<double> recent = new();
    private double sum;
    private long observed;

    /// <param name="budget">The budget in nats (sequence-level KL), &gt; 0.</param>
    /// <param name="window">Steps in the trailing mean, ≥ 1.</param>
    public KlBudget(double budget, int window = DefaultWindow)
    {
        if (!(budget > 0) || double.IsInfinity(budget)) throw new ArgumentException($"the KL budget must be finite and > 0 nats, found {budget}", nameof(budget));
        if (window < 1) throw new ArgumentException($"the KL budget window must be ≥ 1 step, found {window}", nameof(window));
        Budget = budget;
        Window = window;
    }

    /// <summary>Steps in the trailing mean unless the caller says otherwise.</summary>
    public const int DefaultWindow = 5;

    public double Budget { get; }

    public int Window { get; }

    /// <summary>The mean sequence KL of the last <see cref="Window"/> steps observed (fewer at the start; NaN before any).</summary>
    public double TrailingMean => recent.Count == 0 ? double.NaN : sum / recent.Count;

    /// <summary>The step at which the trailing mean first reached the budget (1-based count of observations); null before.</summary>
    public long? ReachedAtStep { get; private set; }

    /// <summary>The line a trainer prints when it stops at <paramref name="step"/> because the budget was reached.</summary>
    public string StopMessage(long step) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"stopped at step {step}: the mean sequence KL of the last {Window} rollouts, {TrailingMean:F3} nats, reached the budget of {Budget} nats");

    /// <summary>Adds one step's sequence KL; true from the first step whose trailing mean (over a full window) reaches the budget.</summary>
    public bool Observe(double sequenceKl)
    {
        observed++;
        recent.Enqueue(sequenceKl);
        sum += sequenceKl;
        if (recent.Count > Window) sum -= recent.Dequeue();
        if (ReachedAtStep is null && recent.Count == Window && TrailingMean >= Budget) ReachedAtStep = observed;
        return ReachedAtStep is not null;
    }
}
