using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Training.Sft;

/// <summary>One supervised example: the context (possibly empty) and the response the model learns to produce.</summary>
public sealed record SftExample(Passage Prompt, Passage Completion);
