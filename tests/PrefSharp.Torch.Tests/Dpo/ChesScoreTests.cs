using PrefSharp.Torch.Training.Dpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

public sealed class ChesScoreTests
{
    [Fact]
    public void Ches_of_hand_built_hidden_states_matches_definition_2()
    {
        using var scope = NewDisposeScope();
        // pair 0: chosen positions [1,0], [0,2] scored, [5,5] not → H⁺ = [1, 2]; rejected [3,0] scored → H⁻ = [3, 0]
        //   CHES = ⟨H⁺, H⁻⟩ − ‖H⁺‖² = 3 − 5 = −2; length-normalised: ⟨[0.5, 1], [3, 0]⟩ − ‖[0.5, 1]‖² = 1.5 − 1.25 = 0.25
        // pair 1: both sides [2,1] then [1,1] → H⁺ = H⁻ = [3, 2]: CHES = 0 in both forms
        var chosenHidden = tensor(new double[] { 1, 0, 0, 2, 5, 5, 2, 1, 1, 1, 0, 0 }).reshape(2, 3, 2);
        var chosenMask = tensor(new double[] { 1, 1, 0, 1, 1, 0 }).reshape(2, 3);
        var rejectedHidden = tensor(new double[] { 3, 0, 9, 9, 0, 0, 2, 1, 1, 1, 7, 7 }).reshape(2, 3, 2);
        var rejectedMask = tensor(new double[] { 1, 0, 0, 1, 1, 0 }).reshape(2, 3);
        var raw = ChesScore.Compute(chosenHidden, chosenMask, rejectedHidden, rejectedMask, lengthNormalised: false).data<double>().ToArray();
        var normalised = ChesScore.Compute(chosenHidden, chosenMask, rejectedHidden, rejectedMask, lengthNormalised: true).data<double>().ToArray();
        Assert.Equal([-2.0, 0.0], raw);
        Assert.Equal([0.25, 0.0], normalised);
    }
}
