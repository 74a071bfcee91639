using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// One decoding step as a streaming caller hears it: for every row, the token drawn at this step and its
/// log-probability, or <see cref="Finished"/> when the row had already stopped.
/// </summary>
public sealed record GeneratedStep(long Step, IReadOnlyList<long> Tokens, IReadOnlyList<float> LogProbs)
{
    /// <summary>The token of a row that stopped at an earlier step.</summary>
    public const long Finished = -1;

    internal static GeneratedStep Read(GenerationBuffers buffers, long done)
    {
        using var scope = NewDisposeScope();
        var position = buffers.PromptLength + done;
        var alive = buffers.Mask.narrow(1, position, 1).squeeze(1).eq(1);
        var tokens = where(alive, buffers.Ids.narrow(1, position, 1).squeeze(1), full_like(buffers.Padding, Finished));
        return new GeneratedStep(done, tokens.cpu().data<long>().ToArray(), buffers.LogProbs.narrow(1, done, 1).squeeze(1).cpu().data<float>().ToArray());
    }
}
