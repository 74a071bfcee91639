namespace PrefSharp.Torch.Rewards;

/// <summary>The head that turns the pooled hidden state (d) into rewards (num_labels).</summary>
public enum RewardHeadKind
{
    /// <summary>
    /// Hugging Face's head: one bias-free linear map, <c>score.weight</c> [num_labels, d]
    /// (<c>LlamaForSequenceClassification</c>, <c>Qwen2ForSequenceClassification</c>, <c>GPT2ForSequenceClassification</c>).
    /// </summary>
    Linear,

    /// <summary>
    /// PrefSharp's two-layer MLP, laid out as PyTorch's <c>nn.Sequential(Linear(d, h), ReLU(), Linear(h, num_labels))</c>:
    /// <c>score.0.weight</c> [h, d], <c>score.0.bias</c> [h], <c>score.2.weight</c> [num_labels, h], <c>score.2.bias</c>
    /// [num_labels]. transformers cannot load it into a <c>*ForSequenceClassification</c> class.
    /// </summary>
    Mlp,
}
