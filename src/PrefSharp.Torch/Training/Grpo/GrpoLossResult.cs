using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// One evaluation of <see cref="GrpoLoss"/>: the loss and the diagnostics logged every step. All are scalar tensors;
/// the fractions and the KL are token means over the mask (no gradient).
/// </summary>
/// <param name="Loss">The aggregated loss (requires grad when the log-probs do).</param>
/// <param name="ClipFraction">Share of tokens whose update the clip switched off: (r &lt; 1 − ε_low and A &lt; 0) or (r &gt; 1 + ε_high and A &gt; 0).</param>
/// <param name="LowClipFraction">Share with r &lt; 1 − ε_low and A &lt; 0.</param>
/// <param name="HighClipFraction">Share with r &gt; 1 + ε_high and A &gt; 0.</param>
/// <param name="MeanKl">Mean k3 KL to the reference per token; 0 without reference log-probs.</param>
public sealed record GrpoLossResult(Tensor Loss, Tensor ClipFraction, Tensor LowClipFraction, Tensor HighClipFraction, Tensor MeanKl);
