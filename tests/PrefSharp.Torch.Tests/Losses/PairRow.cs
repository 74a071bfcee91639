namespace PrefSharp.Torch.Tests.Losses;

/// <summary>One preference pair in plain doubles: per-token log-probs (policy and reference) and per-pair labels.</summary>
internal sealed record PairRow(
    double[] PolicyChosen, double[] ReferenceChosen, double[] PolicyRejected, double[] ReferenceRejected,
    double[] ChosenWeights, double[] RejectedWeights, double SoftLabel = 0.8, double RewardMargin = 1.0)
{
    public double Pc => PolicyChosen.Sum();
    public double Rc => ReferenceChosen.Sum();
    public double Pr => PolicyRejected.Sum();
    public double Rr => ReferenceRejected.Sum();
    public double ChosenRatio => Pc - Rc;
    public double RejectedRatio => Pr - Rr;
    public int Nc => PolicyChosen.Length;
    public int Nr => PolicyRejected.Length;

    /// <summary>The same pair without a reference model (reference log-probs 0).</summary>
    public PairRow WithoutReference() => this with
    {
        ReferenceChosen = new double[PolicyChosen.Length], ReferenceRejected = new double[PolicyRejected.Length],
    };
}
