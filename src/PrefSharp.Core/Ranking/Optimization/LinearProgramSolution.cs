namespace PrefSharp.Core.Ranking.Optimization;

/// <summary>Optimal solution of <see cref="DenseSimplex.Maximize"/>.</summary>
/// <param name="Primal">Optimal x.</param>
/// <param name="Dual">Optimal dual multipliers y (one per constraint row): min bᵀy s.t. Aᵀy ≥ c, y ≥ 0.</param>
/// <param name="Objective">cᵀx = bᵀy at the optimum.</param>
/// <param name="Pivots">Simplex pivots taken.</param>
public sealed record LinearProgramSolution(double[] Primal, double[] Dual, double Objective, int Pivots);
