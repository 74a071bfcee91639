namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Plain-double references of the scalar reward losses, written from the formulas, for one pair.</summary>
internal static class PlainRewardLosses
{
    /// <summary>−log σ(x) = log(1 + e^(−x)), stable.</summary>
    public static double NegLogSigmoid(double x) => x >= 0 ? Math.Log(1 + Math.Exp(-x)) : -x + Math.Log(1 + Math.Exp(x));

    public static double BradleyTerry(double c, double r) => NegLogSigmoid(c - r);

    public static double Margin(double c, double r, double m) => NegLogSigmoid(c - r - m);

    public static double Center(double c, double r, double eta) => eta * (c + r) * (c + r);

    public static double SoftLabel(double c, double r, double p) => p * NegLogSigmoid(c - r) + (1 - p) * NegLogSigmoid(r - c);

    public static double Debiased(double c, double r, double eps) =>
        ((1 - eps) * NegLogSigmoid(c - r) - eps * NegLogSigmoid(r - c)) / (1 - 2 * eps);

    public static double FlipAware(double c, double r, double eps) =>
        -Math.Log((1 - eps) * Math.Exp(-NegLogSigmoid(c - r)) + eps * Math.Exp(-NegLogSigmoid(r - c)));

    /// <summary>Rao–Kupper with strengths e^r and θ = e^η, straight from the 1967 probabilities.</summary>
    public static double RaoKupper(double c, double r, bool tie, double eta)
    {
        var shift = Math.Max(c, r);                           // rescale the strengths; probabilities are unchanged
        double pc = Math.Exp(c - shift), pr = Math.Exp(r - shift), theta = Math.Exp(eta);
        var probability = tie
            ? (theta * theta - 1) * pc * pr / ((pc + theta * pr) * (pr + theta * pc))
            : pc / (pc + theta * pr);
        return -Math.Log(probability);
    }
}
