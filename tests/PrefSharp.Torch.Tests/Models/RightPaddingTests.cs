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
        // Batch of 2 with padding vs a batch of 1: the decoder's float32 chain to the logits on 5 positions. A padded key
        // that leaks into attention moves the logits by far more than this bound.
        TensorAssert.Close(alone[0], batched[1].narrow(0, 0, 3),
            FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(model.Config, 5), alone.abs().max().item<float>()));
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
        // the hidden token (6 or 9) must not influence the last position: its attention weight is exp(−∞) = 0 exactly and
        // both forwards have the same shapes, so the logits agree to the bit (1e-6 is a margin above 0, not a rounding bound)
        TensorAssert.Close(withHole[0, 2], otherHidden[0, 2], 1e-6);
    }
}
