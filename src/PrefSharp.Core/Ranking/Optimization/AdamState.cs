namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>
/// Adam (Kingma and Ba 2015, Algorithm 1) over a jagged parameter array; defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
/// </summary>
public sealed class AdamState
{
    private readonly double[] firstMoment;
    private readonly double[] secondMoment;
    private readonly double learningRate;
    private readonly double beta1, beta2, epsilon;
    private int step;

    public AdamState(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        firstMoment = new double[parameterCount];
        secondMoment = new double[parameterCount];
        this.learningRate = learningRate; this.beta1 = beta1; this.beta2 = beta2; this.epsilon = epsilon;
    }

    /// <summary>One descent step of <paramref name="parameters"/> along <paramref name="gradient"/> (same shape).</summary>
    public void Step(double[][] parameters, double[][] gradient)
    {
        step++;
        double correction1 = 1 - Math.Pow(beta1, step), correction2 = 1 - Math.Pow(beta2, step);
        int flat = 0;
        for (int i = 0; i < parameters.Length; i++)
            for (int c = 0; c < parameters[i].Length; c++, flat++)
            {
                double g = gradient[i][c];
                firstMoment[flat] = beta1 * firstMoment[flat] + (1 - beta1) * g;
                secondMoment[flat] = beta2 * secondMoment[flat] + (1 - beta2) * g * g;
                double mHat = firstMoment[flat] / correction1, vHat = secondMoment[flat] / correction2;
                parameters[i][c] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
    }
}
