using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>Where <see cref="BatchGenerator"/> gets the next-token scores of each row: one model, or a mixture of two.</summary>
internal interface ILogitsStep : IDisposable
{
    /// <summary>Whether decoding feeds one new token per step (a key/value cache), so the decode thread limit applies.</summary>
    bool Cached { get; }

    /// <summary>Scores (B, V) for the position after <paramref name="done"/> generated tokens; softmax gives the distribution.</summary>
    Tensor Next(GenerationBuffers buffers, long done);
}
