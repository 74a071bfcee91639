using PrefSharp.Torch.Losses.Preference;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

/// <summary>
/// A tabular policy (softmax over K responses for each of P prompts, logits as the parameters) trained on the exact
/// expected loss over Bradley–Terry preferences from a known reward r: every ordered pair (i, j) of one prompt is a
/// pair "i ≻ j" weighted by its BT probability p_ij = σ(r_i − r_j). This is the expectation of the loss under
/// uniformly drawn pairs with BT-sampled labels, so the minimiser is the population optimum, without sampling noise.
/// </summary>
public sealed class TabularClosedFormTests
{
    private const int Prompts = 3, Responses = 4;

    private static (Tensor Reward, Tensor ReferenceLogProbs) World()
    {
        var generator = new Random(5);
        var reward = tensor(Enumerable.Range(0, Prompts * Responses).Select(_ => 2 * generator.NextDouble() - 1).ToArray()).reshape(Prompts, Responses);
        var referenceLogits = tensor(Enumerable.Range(0, Prompts * Responses).Select(_ => generator.NextDouble()).ToArray()).reshape(Prompts, Responses);
        return (reward, referenceLogits.log_softmax(1));
    }

    /// <summary>Trains the table with <paramref name="type"/> and returns the learnt log-probabilities (P, K).</summary>
    private static Tensor Train(PreferenceLossType type, PreferenceLossOptions options, Tensor reward, Tensor referenceLogProbs)
    {
        var pairs = (from x in Enumerable.Range(0, Prompts) from i in Enumerable.Range(0, Responses)
                     from j in Enumerable.Range(0, Responses) where i != j select (x, i, j)).ToArray();
        using var chosenIndex = tensor(pairs.Select(p => (long)(p.x * Responses + p.i)).ToArray());
        using var rejectedIndex = tensor(pairs.Select(p => (long)(p.x * Responses + p.j)).ToArray());
        var flatReward = reward.reshape(-1);
        using var btProbability = (flatReward.index_select(0, chosenIndex) - flatReward.index_select(0, rejectedIndex)).sigmoid();
        var flatReference = referenceLogProbs.reshape(-1);
        using var single = torch.ones(pairs.Length, dtype: ScalarType.Float64);
        var logits = new TorchSharp.Modules.Parameter(referenceLogProbs.clone());   // start at π = π_ref
        using var optimizer = optim.Adam([logits], lr: 0.1);
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logProbs = logits.log_softmax(1).reshape(-1);
            var inputs = new PreferenceLossInputs(logProbs.index_select(0, chosenIndex), logProbs.index_select(0, rejectedIndex))
            {
                ReferenceChosen = flatReference.index_select(0, chosenIndex),
                ReferenceRejected = flatReference.index_select(0, rejectedIndex),
                ChosenTokens = single, RejectedTokens = single, Weights = btProbability,
            };
            PreferenceLoss.Compute([new WeightedLoss(type)], inputs, options).sum().backward();
            optimizer.step();
        }
        return logits.detach().log_softmax(1);
    }

    [Fact]
    public void Dpo_converges_to_the_reference_tilted_by_the_reward()
    {
        // DPO's optimum (Rafailov et al. 2023, Eq. 4): π*(y|x) = π_ref(y|x)·exp(r(x, y)/β)/Z(x). At it every pair has
        // σ(β·h_ij) = σ(r_i − r_j) = p_ij, which zeroes the gradient of p_ij·(−log σ(β h_ij)) + p_ji·(−log σ(−β h_ij)).
        const double beta = 0.5;
        var (reward, reference) = World();
        using var learnt = Train(PreferenceLossType.Sigmoid, new PreferenceLossOptions { Beta = beta }, reward, reference);
        using var optimum = (reference + reward / beta).log_softmax(1);
        var error = (learnt.exp() - optimum.exp()).abs().max().item<double>();
        Assert.True(error < 2e-3, $"max |π − π*| = {error}");
        // and it moved far from π_ref: the test could not pass by standing still
        Assert.True((reference.exp() - optimum.exp()).abs().max().item<double>() > 0.2);
    }

    [Fact]
    public void Ipo_converges_to_its_own_optimum()
    {
        // IPO with one token per response: for an unordered pair the expected loss in h = g_i − g_j (g = log π/π_ref) is
        //   p·(h − c)² + (1 − p)·(−h − c)², c = 1/(2τ), minimised at t_ij = c·(2p_ij − 1) = (p_ij − ½)/τ.
        // All pairs of a prompt weigh the same (p + (1 − p) = 1), so g solves least squares Σ_{i<j} (g_i − g_j − t_ij)²
        // on the complete graph; t is antisymmetric, so g_i = (1/K)·Σ_j t_ij up to a constant, and
        //   π*_IPO(y_i|x) ∝ π_ref(y_i|x)·exp((1/(Kτ))·Σ_j (p_ij − ½)).
        const double tau = 0.5;
        var (reward, reference) = World();
        using var learnt = Train(PreferenceLossType.Ipo, new PreferenceLossOptions { Beta = tau }, reward, reference);
        using var preference = (reward.unsqueeze(2) - reward.unsqueeze(1)).sigmoid();   // (P, K, K): p_ij, p_ii = ½
        using var g = (preference - 0.5).sum(2) / (Responses * tau);
        using var optimum = (reference + g).log_softmax(1);
        var error = (learnt.exp() - optimum.exp()).abs().max().item<double>();
        Assert.True(error < 2e-3, $"max |π − π*_IPO| = {error}");
        // IPO's optimum is not DPO's: the test tells them apart
        using var dpoOptimum = (reference + reward / tau).log_softmax(1);
        Assert.True((optimum.exp() - dpoOptimum.exp()).abs().max().item<double>() > 0.05);
    }
}
