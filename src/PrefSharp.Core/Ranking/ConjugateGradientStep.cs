namespace PrefSharp.Core.Ranking;

/// <summary>
/// The Newton step of <see cref="SparseNewtonIterations"/> for many items: solves (−H + μ·I)·s = g on the free
/// parameters by preconditioned conjugate gradients with a Jacobi preconditioner (Hestenes &amp; Stiefel 1952;
/// Nocedal &amp; Wright 2006, Alg. 5.3) on the pair-wise Hessian of <see cref="SparseCurvature"/>, until the
/// residual is below a given fraction of ‖g‖ (the forcing term of a truncated Newton method). A direction of
/// non-positive curvature raises the Levenberg shift μ and restarts, as the dense Cholesky path does.
/// </summary>
internal sealed class ConjugateGradientStep(int dimension)
{
    /// <summary>The smallest forcing term: ‖r‖ ≤ 1e-12·‖g‖ puts the step's error far below the solver's tolerance on steps.</summary>
    public const double RelativeResidual = 1e-12;

    private readonly double[] _residual = new double[dimension], _preconditioned = new double[dimension],
        _direction = new double[dimension], _product = new double[dimension], _diagonal = new double[dimension], _step = new double[dimension];
    private readonly bool[] _isFree = new bool[dimension];

    /// <summary>The number of parameters the buffers hold.</summary>
    public int Dimension => dimension;

    /// <summary>The largest diagonal entry of −H on the free parameters at the last <see cref="Solve"/>.</summary>
    public double LargestDiagonal { get; private set; }

    /// <summary>The mean diagonal entry of −H on the free parameters (the scale of the curvature).</summary>
    public double MeanDiagonal(SparseCurvature curvature, int[] free)
    {
        curvature.NegativeDiagonal(_diagonal);
        double sum = 0;
        foreach (int k in free) sum += _diagonal[k];
        return free.Length == 0 ? 0 : sum / free.Length;
    }

    /// <summary>
    /// Writes the step on the free parameters into <paramref name="step"/> (one entry per free parameter), solved
    /// to ‖r‖ ≤ <paramref name="relativeResidual"/>·‖g‖ with at least the shift <paramref name="damping"/>; returns
    /// the gain gᵀs − ½·sᵀ(−H)s that the quadratic model predicts for the step.
    /// </summary>
    public double Solve(SparseCurvature curvature, double[] gradient, int[] free, double[] step, double damping, double relativeResidual)
    {
        Array.Clear(_isFree);
        foreach (int k in free) _isFree[k] = true;
        curvature.NegativeDiagonal(_diagonal);
        LargestDiagonal = 0;
        foreach (int k in free) LargestDiagonal = Math.Max(LargestDiagonal, _diagonal[k]);
        double shift = damping;
        while (!TrySolve(curvature, gradient, shift, relativeResidual))
            shift = shift == 0 ? 1e-10 * (1 + LargestDiagonal) : shift * 10;
        // (−H + shift·I)·s = g − r, so sᵀ(−H)s = gᵀs − rᵀs − shift·‖s‖².
        double gs = 0, rs = 0, ss = 0;
        for (int a = 0; a < free.Length; a++)
        {
            int k = free[a];
            step[a] = _step[k];
            gs += gradient[k] * _step[k];
            rs += _residual[k] * _step[k];
            ss += _step[k] * _step[k];
        }
        return 0.5 * (gs + rs + shift * ss);
    }

    private bool TrySolve(SparseCurvature curvature, double[] gradient, double shift, double relativeResidual)
    {
        int dim = _residual.Length;
        Array.Clear(_step);
        double gradientNorm = 0;
        for (int k = 0; k < dim; k++)
        {
            _residual[k] = _isFree[k] ? gradient[k] : 0;
            gradientNorm += _residual[k] * _residual[k];
        }
        double target = relativeResidual * relativeResidual * gradientNorm, rho = Precondition(shift);
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
