namespace PrefSharp.Evaluation.Runs;

/// <summary>How <see cref="JudgeRun"/> asks its judges.</summary>
public sealed record JudgeRunOptions
{
    /// <summary>The generator every other model is compared with (<c>--baseline</c>).</summary>
    public required string Baseline { get; init; }

    /// <summary>Questions in flight at once over all endpoints (<c>--parallel</c>).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>
    /// The run stops with the reason once more than this fraction of all planned questions got no verdict (an error
    /// after all retries, or an answer without a readable verdict) (<c>--max-failure-fraction</c>).
    /// </summary>
    public double MaxFailureFraction { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and its allowed range.</summary>
    public JudgeRunOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Baseline)) throw new ArgumentException("must name a generator", "--baseline");
        if (Parallel is < 1 or > 1024) throw new ArgumentException($"must be in [1, 1024], found {Parallel}", "--parallel");
        if (!(MaxFailureFraction >= 0 && MaxFailureFraction <= 1))
            throw new ArgumentException($"must be in [0, 1], found {MaxFailureFraction}", "--max-failure-fraction");
        return this;
    }
}
