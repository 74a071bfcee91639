namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>A fitted General Preference Model (GPM) and its comparison with Bradley–Terry on the same data.</summary>
/// <param name="Items">Item names.</param>
/// <param name="Embeddings">v_i ∈ ℝ^{2k}, one row per item.</param>
/// <param name="LogLikelihood">GPM weighted log-likelihood Σ [s log σ(z) + (w − s) log σ(−z)].</param>
/// <param name="BradleyTerryLogLikelihood">The same for the maximum-likelihood Bradley–Terry fit.</param>
/// <param name="LogLikelihoodGain">LogLikelihood − BradleyTerryLogLikelihood (≥ 0 up to optimisation error, since GPM nests BT).</param>
/// <param name="BradleyTerryRatings">The BT ratings (natural log-odds, mean 0) used as the starting point.</param>
/// <param name="Iterations">Adam iterations run.</param>
public sealed record GeneralPreferenceFit(IReadOnlyList<string> Items, double[][] Embeddings, double LogLikelihood,
    double BradleyTerryLogLikelihood, double LogLikelihoodGain, double[] BradleyTerryRatings, int Iterations)
{
    /// <summary>The preference score ⟨R v_i, v_j⟩ = Σ_blocks (y_i x_j − x_i y_j) (Zhang et al. 2024, Eq. 4 with R block-diagonal [[0,1],[−1,0]]).</summary>
    public double Score(int i, int j) => GeneralPreferenceModel.Score(Embeddings[i], Embeddings[j]);

    /// <summary>P(i ≻ j) = σ(⟨R v_i, v_j⟩).</summary>
    public double Probability(int i, int j) => LogisticFunctions.Sigmoid(Score(i, j));

    /// <summary>The full matrix of predicted P(i ≻ j).</summary>
    public double[][] ProbabilityMatrix() =>
        Enumerable.Range(0, Items.Count).Select(i => Enumerable.Range(0, Items.Count).Select(j => Probability(i, j)).ToArray()).ToArray();
}
