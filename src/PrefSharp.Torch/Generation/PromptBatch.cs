using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>Packs token-id prompts of different lengths into one left-padded batch, as generation needs.</summary>
public static class PromptBatch
{
    /// <summary>Ids (B, P) int64 with <paramref name="padTokenId"/> on the left and the mask (B, P) int64 (1 = real token).</summary>
    public static (Tensor Ids, Tensor Mask) LeftPad(IReadOnlyList<IReadOnlyList<long>> prompts, long padTokenId)
    {
        if (prompts.Count == 0) throw new ArgumentException("no prompts", nameof(prompts));
        var width = prompts.Max(p => p.Count);
        if (prompts.Any(p => p.Count == 0)) throw new ArgumentException("every prompt needs at least one token", nameof(prompts));
        var ids = new long[prompts.Count, width];
        var mask = new long[prompts.Count, width];
        for (var row = 0; row < prompts.Count; row++)
        {
            var offset = width - prompts[row].Count;
            for (var column = 0; column < width; column++)
            {
                var real = column >= offset;
                ids[row, column] = real ? prompts[row][column - offset] : padTokenId;
                mask[row, column] = real ? 1 : 0;
            }
        }
        return (tensor(ids), tensor(mask));
    }
}
