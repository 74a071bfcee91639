using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// CPL, Contrastive Preference Learning (Hejna et al. 2024, "Contrastive Preference Learning: Learning from Human
/// Feedback without RL", ICLR; §3.2 the CPL objective and its conservative bias λ): under the regret-based preference
/// model the optimal advantage is α·log π*, so a preference between two segments is a Bradley–Terry choice between
/// their discounted sums Σ_t γ^t α log πθ(a_t|s_t):
/// L = −log [exp(α·log πθ(y_w|x)) / (exp(α·log πθ(y_w|x)) + exp(λ·α·log πθ(y_l|x)))] = −log σ(α·log πθ(y_w|x) − λ·α·log πθ(y_l|x)).
/// No reference model. α is <see cref="PreferenceLossOptions.Beta"/>, λ <see cref="PreferenceLossOptions.CplLambda"/>;
/// λ = 1 is the unbiased objective. Departure: γ = 1 (a response is one segment whose token log-probs add up), as in
/// the paper's bandit setting. The paper's BC regulariser on the chosen segments is the <c>sft</c> loss term.
/// Not CPO (<see cref="CpoLoss"/>, Xu et al.), which is λ = 1 plus an NLL term.
/// </summary>
public static class CplLoss
{
    /// <summary>Per-pair losses (B) from the policy's per-sequence log-probs.</summary>
    public static Tensor Compute(Tensor policyChosen, Tensor policyRejected, double alpha, double lambda) =>
        -StableMath.LogSigmoid(alpha * policyChosen - lambda * alpha * policyRejected);
}
