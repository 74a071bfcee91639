using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// Policy samples of one Nash-MD step for one forward/backward pass: the sequences (prompt + y, only y scored), log
/// π_ref(y|x) (B), the preference P(y ≻ y' | x) over the opponent's sample (B), and the summed gold utility of the
/// samples when the world is known (a logged metric only).
/// </summary>
internal sealed class NashMdMicroBatch(SequenceBatch rows, Tensor referenceLogProbs, Tensor preferences, double? goldSum) : IDisposable
{
    public SequenceBatch Rows { get; } = rows;
    public Tensor ReferenceLogProbs { get; } = referenceLogProbs;
    public Tensor Preferences { get; } = preferences;
    public double? GoldSum { get; } = goldSum;

    public void Dispose()
    {
        Rows.Dispose();
        ReferenceLogProbs.Dispose();
        Preferences.Dispose();
    }
}
