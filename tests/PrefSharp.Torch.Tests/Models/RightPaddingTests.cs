using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>
/// Right-padded batches take the fused causal path; every real position must see exactly what it sees alone, and
/// masks that are not "ones then zeros" (a hole, left padding) must still mask their padding.
/// </summary>
public class RightPaddingTests
{
    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Right_padded_rows_match_their_unpadded_forward(string family)
    {
        using var model = TinyConfigs.Create(family);
        model.Module.eval();
        using var noGrad = no_grad();
        var ids = tensor(new long[,] { { 5, 6, 7, 8, 9 }, { 10, 11, 12, 0, 0 } });
        var mask = tensor(new long[,] { { 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0 } });
        var batched = model.forward(ids, mask).Logits;
        var alone = model.forward(tensor(new long[,] { { 10, 11, 12 } })).Logits;
        TensorAssert.Close(alone[0], batched[1].narrow(0, 0, 3), 1e-5);
    }

    [Fact]
    public void A_mask_with_a_hole_still_hides_the_padded_key()
    {
        using var model = TinyConfigs.Create("llama");
        model.Module.eval();
        using var noGrad = no_grad();
        var holeMask = tensor(new long[,] { { 1, 0, 1 } });
        var withHole = model.forward(tensor(new long[,] { { 5, 6, 7 } }), holeMask).Logits;
        var otherHidden = model.forward(tensor(new long[,] { { 5, 9, 7 } }), holeMask).Logits;
        // the hidden token (6 or 9) must not influence the last position
        TensorAssert.Close(withHole[0, 2], otherHidden[0, 2], 1e-6);
    }
}
