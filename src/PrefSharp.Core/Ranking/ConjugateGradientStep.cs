namespace PrefSharp.Core.Ranking;

/// <summary>
/// The Newton step of <see cref="PairwiseNewtonSolver"/> for many items: solves (−H + shift·I)·s = g on the free
/// parameters by preconditioned conjugate gradients with a Jacobi preconditioner (Hestenes &amp; Stiefel 1952;
/// Nocedal &amp; Wright 2006, Alg. 5.3) on the pair-wise Hessian of <see cref="SparseCurvature"/>, until the
/// residual is below <see cref="RelativeResidual"/>·‖g‖. A direction of non-positive curvature raises the
/// Levenberg shift and restarts, as the dense Cholesky path does.
/// </summary>
internal sealed class ConjugateGradientStep(int dimension)
{
    /// <summary>CG stops when ‖r‖ ≤ RelativeResidual·‖g‖: the step's error is far below the solver's tolerance on steps.</summary>
    public const double RelativeResidual = 1e-12;

    private readonly double[] _residual = new double[dimension], _preconditioned = new double[dimension],
        _direction = new double[dimension], _product = new double[dimension], _diagonal = new double[dimension], _step = new double[dimension];
    private readonly bool[] _isFree = new bool[dimension];

    /// <summary>Writes the step on the free parameters into <paramref name="step"/> (one entry per free parameter).</summary>
    public void Solve(SparseCurvature curvature, double[] gradient, int[] free, double[] step)
    {
        Array.Clear(_isFree);
        foreach (int k in free) _isFree[k] = true;
        curvature.NegativeDiagonal(_diagonal);
        double largestDiagonal = 0;
        foreach (int k in free) largestDiagonal = Math.Max(largestDiagonal, _diagonal[k]);
        double shift = 0;
        while (!TrySolve(curvature, gradient, shift))
            shift = shift == 0 ? 1e-10 * (1 + largestDiagonal) : shift * 10;
        for (int a = 0; a < free.Length; a++) step[a] = _step[free[a]];
    }

    private bool TrySolve(SparseCurvature curvature, double[] gradient, double shift)
    {
        int dim = _residual.Length;
        Array.Clear(_step);
        double gradientNorm = 0;
        for (int k = 0; k < dim; k++)
        {
            _residual[k] = _isFree[k] ? gradient[k] : 0;
            gradientNorm += _residual[k] * _residual[k];
        }
        double target = RelativeResidual * RelativeResidual * gradientNorm, rho = Precondition(shift);
        if (gradientNorm == 0) return true;
        Array.Copy(_preconditioned, _direction, dim);
        for (int iteration = 0; iteration < 10 * dim; iteration++)
        {
            curvature.NegativeProduct(_direction, _product, shift);
            double curvatureAlong = 0;
            for (int k = 0; k < dim; k++) if (_isFree[k]) curvatureAlong += _direction[k] * _product[k];
            if (!(curvatureAlong > 0)) return false;
            double alpha = rho / curvatureAlong, residualNorm = 0;
            for (int k = 0; k < dim; k++)
            {
                if (!_isFree[k]) continue;
                _step[k] += alpha * _direction[k];
                _residual[k] -= alpha * _product[k];
                residualNorm += _residual[k] * _residual[k];
            }
            if (residualNorm <= target) return true;
            double next = Precondition(shift), beta = next / rho;
            rho = next;
            for (int k = 0; k < dim; k++) _direction[k] = _isFree[k] ? _preconditioned[k] + beta * _direction[k] : 0;
        }
        return true;
    }

    /// <summary>z = D⁻¹r on the free parameters; returns rᵀz.</summary>
    private double Precondition(double shift)
    {
        double rho = 0;
        for (int k = 0; k < _residual.Length; k++)
        {
            double d = _diagonal[k] + shift;
            _preconditioned[k] = _isFree[k] && d > 0 ? _residual[k] / d : _isFree[k] ? _residual[k] : 0;
            rho += _residual[k] * _preconditioned[k];
        }
        return rho;
    }
}
