using PrefSharp.Torch.Losses.Preference;
using static System.Math;

namespace PrefSharp.Torch.Tests.Losses;

/// <summary>
/// Test oracle: every preference loss written again in plain doubles, straight from the papers' formulas, one
/// function per loss, with no tensor code. The tensor losses must agree with these.
/// </summary>
internal static class PlainDoublePreferenceLosses
{
    public static double LogSigmoid(double x) => x >= 0 ? -Log(1 + Exp(-x)) : x - Log(1 + Exp(x));
    public static double Sigmoid(double x) => 1 / (1 + Exp(-x));
    static double Softplus(double x) => -LogSigmoid(-x);
    static double LogOdds(double l) => l - Log(1 - Exp(l));
    static double Cross(double x, double eps) => -(1 - eps) * LogSigmoid(x) - eps * LogSigmoid(-x);

    public static double[] Compute(PreferenceLossType type, PairRow[] rows, PreferenceLossOptions o)
    {
        var b = o.Beta;
        return type switch
        {
            PreferenceLossType.Sigmoid => rows.Select(r => Cross(b * (r.ChosenRatio - r.RejectedRatio), o.LabelSmoothing)).ToArray(),
            PreferenceLossType.Robust => rows.Select(r => Robust(b * (r.ChosenRatio - r.RejectedRatio), o.LabelSmoothing)).ToArray(),
            PreferenceLossType.Hinge => rows.Select(r => Max(0, 1 - b * (r.ChosenRatio - r.RejectedRatio))).ToArray(),
            PreferenceLossType.Ipo => rows.Select(r => Pow(r.ChosenRatio / r.Nc - r.RejectedRatio / r.Nr - 1 / (2 * b), 2)).ToArray(),
            PreferenceLossType.ExoPair => rows.Select(r => Exo(b * (r.ChosenRatio - r.RejectedRatio), o.ExoEpsilon)).ToArray(),
            PreferenceLossType.NcaPair => rows.Select(r => -LogSigmoid(b * r.ChosenRatio) - 0.5 * LogSigmoid(-b * r.ChosenRatio) - 0.5 * LogSigmoid(-b * r.RejectedRatio)).ToArray(),
            PreferenceLossType.BcoPair => Bco(rows, b),
            PreferenceLossType.SppoHard => rows.Select(r => Pow(r.ChosenRatio - 0.5 / b, 2) + Pow(r.RejectedRatio + 0.5 / b, 2)).ToArray(),
            PreferenceLossType.Aot => SortedDifference(rows.Select(r => r.Pc - r.Pr), rows.Select(r => r.Rc - r.Rr)).Select(d => Cross(b * d, o.LabelSmoothing)).ToArray(),
            PreferenceLossType.AotUnpaired => SortedDifference(rows.Select(r => r.ChosenRatio), rows.Select(r => r.RejectedRatio)).Select(d => Cross(b * d, o.LabelSmoothing)).ToArray(),
            PreferenceLossType.ApoZero => rows.Select(r => 1 - Sigmoid(b * r.ChosenRatio) + Sigmoid(b * r.RejectedRatio)).ToArray(),
            PreferenceLossType.ApoDown => rows.Select(r => Sigmoid(b * r.ChosenRatio) + 1 - Sigmoid(b * (r.ChosenRatio - r.RejectedRatio))).ToArray(),
            PreferenceLossType.DiscoPop => rows.Select(r => DiscoPop(b * (r.ChosenRatio - r.RejectedRatio), o.DiscoPopTau)).ToArray(),
            PreferenceLossType.Sft => rows.Select(r => -r.Pc / r.Nc).ToArray(),
            PreferenceLossType.SigmoidNorm => rows.Select(r => -LogSigmoid(b * (r.ChosenRatio / r.Nc - r.RejectedRatio / r.Nr))).ToArray(),
            PreferenceLossType.SimPo => rows.Select(r => -LogSigmoid(b * (r.Pc / r.Nc - r.Pr / r.Nr) - o.SimPoGamma)).ToArray(),
            PreferenceLossType.Orpo => rows.Select(r => -r.Pc / r.Nc - b * LogSigmoid(LogOdds(r.Pc / r.Nc) - LogOdds(r.Pr / r.Nr))).ToArray(),
            PreferenceLossType.Cpo => rows.Select(r => -LogSigmoid(b * (r.Pc - r.Pr)) - o.CpoAlpha * r.Pc / r.Nc).ToArray(),
            PreferenceLossType.Cpl => rows.Select(r => -LogSigmoid(b * r.Pc - o.CplLambda * b * r.Pr)).ToArray(),
            PreferenceLossType.LdDpo => rows.Select(r => LdDpo(r, b, o.LdAlpha)).ToArray(),
            PreferenceLossType.Npo => rows.Select(r => -(2 / b) * LogSigmoid(-b * r.RejectedRatio)).ToArray(),
            PreferenceLossType.MaPo => rows.Select(r => -r.Pc / r.Nc - b * LogSigmoid(b * (LogOdds(r.Pc / r.Nc) - LogOdds(r.Pr / r.Nr)))).ToArray(),
            PreferenceLossType.Irepo => rows.Select(r => Irepo(r, b, o.SoftLabelClamp)).ToArray(),
            PreferenceLossType.SoftLabel => rows.Select(r => Cross(b * (r.ChosenRatio - r.RejectedRatio), 1 - r.SoftLabel)).ToArray(),
            PreferenceLossType.KtoPair => KtoPair(rows, b, o),
            PreferenceLossType.FDivergence => rows.Select(r => -LogSigmoid(b * FMargin(r.ChosenRatio, r.RejectedRatio, o))).ToArray(),
            PreferenceLossType.TokenWeighted => rows.Select(r => -LogSigmoid(b * (Weighted(r.PolicyChosen, r.ReferenceChosen, r.ChosenWeights)
                - Weighted(r.PolicyRejected, r.ReferenceRejected, r.RejectedWeights)))).ToArray(),
            PreferenceLossType.DynamicBeta => rows.Select(r => -LogSigmoid(b * (1 + o.DynamicBetaWeight * (1 - Exp(-o.DynamicBetaRate * Max(0, r.RewardMargin))))
                * (r.ChosenRatio - r.RejectedRatio))).ToArray(),
            PreferenceLossType.Vpo => rows.Select(r => -LogSigmoid(b * (r.ChosenRatio - r.RejectedRatio)) - o.VpoAlpha * b * 0.5 * (r.ChosenRatio + r.RejectedRatio)).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    static double Robust(double x, double eps) => (-(1 - eps) * LogSigmoid(x) + eps * LogSigmoid(-x)) / (1 - 2 * eps);

    static double Exo(double x, double eps) => Sigmoid(x) * (LogSigmoid(x) - Log(1 - eps)) + Sigmoid(-x) * (LogSigmoid(-x) - Log(eps));

    static double DiscoPop(double x, double tau)
    {
        var m = Sigmoid(x / tau);
        return -LogSigmoid(x) * (1 - m) + Exp(LogSigmoid(x / tau) - x);   // m·e^{−x} in log space
    }

    static double[] Bco(PairRow[] rows, double b)
    {
        var delta = rows.Sum(r => b * r.ChosenRatio + b * r.RejectedRatio) / (2.0 * rows.Length);
        return rows.Select(r => -LogSigmoid(b * r.ChosenRatio - delta) - LogSigmoid(-(b * r.RejectedRatio - delta))).ToArray();
    }

    static IEnumerable<double> SortedDifference(IEnumerable<double> left, IEnumerable<double> right) =>
        left.Order().Zip(right.Order(), (u, v) => u - v);

    static double LdDpo(PairRow r, double b, double alpha)
    {
        var publicLength = Min(r.Nc, r.Nr);
        double Desensitised(double[] policy, double[] reference) =>
            policy.Select((p, t) => (p - reference[t]) * (t < publicLength ? 1 : alpha)).Sum();
        return -LogSigmoid(b * (Desensitised(r.PolicyChosen, r.ReferenceChosen) - Desensitised(r.PolicyRejected, r.ReferenceRejected)));
    }

    static double Irepo(PairRow r, double b, double clamp)
    {
        var p = Clamp(r.SoftLabel, clamp, 1 - clamp);
        return Pow(b * (r.ChosenRatio - r.RejectedRatio) - Log(p / (1 - p)), 2);
    }

    static double[] KtoPair(PairRow[] rows, double b, PreferenceLossOptions o)
    {
        var chosenZ = Max(0, rows.Average(r => r.RejectedRatio));
        var rejectedZ = Max(0, rows.Average(r => r.ChosenRatio));
        return rows.Select(r => o.KtoDesirableWeight * (1 - Sigmoid(b * (r.ChosenRatio - chosenZ)))
            + o.KtoUndesirableWeight * (1 - Sigmoid(b * (rejectedZ - r.RejectedRatio)))).ToArray();
    }

    static double FMargin(double chosen, double rejected, PreferenceLossOptions o)
    {
        double CappedExp(double x) => Exp(Min(x, 40));
        return o.FDivergence switch
        {
            FDivergenceKind.ReverseKl => chosen - rejected,
            FDivergenceKind.JensenShannon => chosen - rejected - (Softplus(chosen) - Softplus(rejected)),
            FDivergenceKind.ForwardKl => CappedExp(-rejected) - CappedExp(-chosen),
            FDivergenceKind.Alpha => (CappedExp(-o.FDivergenceAlpha * rejected) - CappedExp(-o.FDivergenceAlpha * chosen)) / o.FDivergenceAlpha,
            _ => throw new ArgumentOutOfRangeException(nameof(o)),
        };
    }

    static double Weighted(double[] policy, double[] reference, double[] weights) =>
        policy.Select((p, t) => (p - reference[t]) * weights[t]).Sum();
}
