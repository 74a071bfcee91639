using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Games;

/// <summary>MNPO in the tabular game (<see cref="GameMethod.Multiplayer"/>).</summary>
public sealed partial class AnswerGame
{
    /// <summary>
    /// The B·G samples of π_t (the population's newest member) form B·G/2 pairs (first half against second half), each
    /// labelled by one draw of P(a ≻ b); the loss is <see cref="MnpoLoss"/>'s mean over the pairs.
    /// </summary>
    private Tensor MultiplayerLoss(Tensor actions)
    {
        var half = actions.shape[0] / 2;
        Tensor chosen, rejected;
        using (no_grad())
        {
            var (a, b) = (actions.narrow(0, 0, half), actions.narrow(0, half, half));
            var wins = preference.index_select(0, a).gather(1, b.unsqueeze(1)).squeeze(1);                   // P(a ≻ b)
            var aWins = wins.bernoulli(generator).to(ScalarType.Bool);
            (chosen, rejected) = (where(aWins, a, b), where(aWins, b, a));
        }
        var logProbs = logits.log_softmax(0);
        var reference = referenceLogits.log_softmax(0);
        return MnpoLoss.Compute(logProbs.index_select(0, chosen), logProbs.index_select(0, rejected), reference.index_select(0, chosen),
            reference.index_select(0, rejected), population!.LogProbsOf(chosen), population.LogProbsOf(rejected), population.Weights(),
            Options.ReferenceShare, Options.Eta).mean();
    }

    /// <summary>At the end of each MNPO iteration (every <see cref="AnswerGameOptions.IterationSteps"/> updates) π_{t+1} joins the population.</summary>
    private void AdvancePopulation()
    {
        if (population is null || Steps % Options.IterationSteps != 0) return;
        using var logProbs = logits.detach().log_softmax(0);
        population.Add(logProbs);
    }
}
