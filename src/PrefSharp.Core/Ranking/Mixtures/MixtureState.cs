using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>The EM state of <see cref="BradleyTerryMixture"/>: responsibilities, weights and group ratings.</summary>
internal sealed class MixtureState
{
    private readonly IndexedBattles battles;
    private readonly int[] annotatorOf;
    private readonly int annotatorCount, groupCount;
    private readonly double[][] responsibility; // [annotator][group]
    private readonly double[] mixing;
    private readonly double[][] ratings; // [group][item]
    public double LogLikelihood { get; private set; } = double.NegativeInfinity;
    public int Iterations { get; private set; }

    private MixtureState(IndexedBattles battles, int[] annotatorOf, int annotatorCount, int groupCount)
    {
        this.battles = battles; this.annotatorOf = annotatorOf; this.annotatorCount = annotatorCount; this.groupCount = groupCount;
        responsibility = new double[annotatorCount][];
        for (int a = 0; a < annotatorCount; a++) responsibility[a] = new double[groupCount];
        mixing = new double[groupCount];
        ratings = new double[groupCount][];
        for (int k = 0; k < groupCount; k++) ratings[k] = new double[battles.Items.Count];
    }

    /// <summary>Each annotator starts in a uniformly random group (hard assignment).</summary>
    public static MixtureState RandomStart(IndexedBattles battles, int[] annotatorOf, int annotatorCount, int groupCount, Random random)
    {
        var state = new MixtureState(battles, annotatorOf, annotatorCount, groupCount);
        for (int a = 0; a < annotatorCount; a++) state.responsibility[a][random.Next(groupCount)] = 1;
        return state;
    }

    public void Run(MixtureOptions options)
    {
        for (Iterations = 1; Iterations <= options.MaxIterations; Iterations++)
        {
            MaximisationStep(options.L2Penalty);
            double previous = LogLikelihood;
            ExpectationStep();
            if (LogLikelihood - previous < options.Tolerance * Math.Abs(LogLikelihood)) break;
        }
    }

    private void MaximisationStep(double l2Penalty)
    {
        for (int k = 0; k < groupCount; k++)
        {
            double total = 0;
            for (int a = 0; a < annotatorCount; a++) total += responsibility[a][k];
            mixing[k] = Math.Max(total / annotatorCount, 1e-12);
            var rowWeights = new double[battles.Count];
            for (int b = 0; b < battles.Count; b++) rowWeights[b] = responsibility[annotatorOf[b]][k];
            ratings[k] = BradleyTerry.FitIndexed(battles, l2Penalty, rowWeights, ratings[k]).Ratings;
        }
    }

    private void ExpectationStep()
    {
        var logJoint = new double[annotatorCount][];
        for (int a = 0; a < annotatorCount; a++)
        {
            logJoint[a] = new double[groupCount];
            for (int k = 0; k < groupCount; k++) logJoint[a][k] = Math.Log(mixing[k]);
        }
        for (int b = 0; b < battles.Count; b++)
        {
            int a = annotatorOf[b];
            for (int k = 0; k < groupCount; k++)
            {
                double z = ratings[k][battles.ItemA[b]] - ratings[k][battles.ItemB[b]];
                logJoint[a][k] += battles.Weight[b] * LogisticFunctions.SoftLogLikelihood(battles.ScoreA[b], z);
            }
        }
        double logLikelihood = 0;
        for (int a = 0; a < annotatorCount; a++)
        {
            double max = logJoint[a].Max();
            double sum = 0;
            for (int k = 0; k < groupCount; k++) sum += Math.Exp(logJoint[a][k] - max);
            double logSum = max + Math.Log(sum);
            logLikelihood += logSum;
            for (int k = 0; k < groupCount; k++) responsibility[a][k] = Math.Exp(logJoint[a][k] - logSum);
        }
        LogLikelihood = logLikelihood;
    }

    public BradleyTerryMixtureResult ToResult(IReadOnlyList<string> annotatorNames)
    {
        int n = battles.Items.Count;
        var battleCount = new int[annotatorCount];
        foreach (int a in annotatorOf) battleCount[a]++;
        var assignments = Enumerable.Range(0, annotatorCount).Select(a => new AnnotatorAssignment(annotatorNames[a],
            Array.IndexOf(responsibility[a], responsibility[a].Max()), (double[])responsibility[a].Clone(), battleCount[a])).ToList();
        var groups = Enumerable.Range(0, groupCount).Select(k => new GroupLeaderboard(k, mixing[k], assignments.Count(x => x.Group == k),
            Enumerable.Range(0, n).Select(i => new GroupItemRating(battles.Items[i], ratings[k][i], MeanWinProbability(ratings[k], i)))
                .OrderByDescending(r => r.Rating).ToList())).ToList();
        int parameters = groupCount * (n - 1) + (groupCount - 1);
        int observations = battles.Weight.Count(w => w > 0);
        double bic = -2 * LogLikelihood + parameters * Math.Log(Math.Max(observations, 1));
        return new BradleyTerryMixtureResult(battles.Items, groupCount, (double[])mixing.Clone(),
            ratings.Select(r => (double[])r.Clone()).ToArray(), groups, assignments, LogLikelihood, parameters, bic, Iterations);
    }

    /// <summary>mean_{j ≠ i} σ(β_i − β_j): the item's expected win rate against a uniformly drawn opponent.</summary>
    internal static double MeanWinProbability(double[] rating, int item)
    {
        if (rating.Length < 2) return 0.5;
        double sum = 0;
        for (int j = 0; j < rating.Length; j++) if (j != item) sum += LogisticFunctions.Sigmoid(rating[item] - rating[j]);
        return sum / (rating.Length - 1);
    }
}
