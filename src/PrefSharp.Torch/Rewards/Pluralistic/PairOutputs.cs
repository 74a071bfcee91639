using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pluralistic;

/// <summary>
/// What a pluralistic reward model computes once per pair, independent of the user: the head outputs of each side
/// (B, D) — PAL's embeddings or MiCRo's K rewards — and the prompt's hidden state (B, d) for MiCRo's router.
/// </summary>
public sealed record PairOutputs(Tensor Chosen, Tensor Rejected, Tensor Prompt)
{
    /// <summary>Rows <paramref name="index"/> (int64) of every tensor, detached (for fitting a new user's weights on frozen features).</summary>
    public PairOutputs Select(Tensor index) =>
        new(Chosen.detach().index_select(0, index), Rejected.detach().index_select(0, index), Prompt.detach().index_select(0, index));
}
