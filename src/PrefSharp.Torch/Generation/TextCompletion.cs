namespace PrefSharp.Torch.Generation;

/// <summary>One generated completion as text.</summary>
/// <param name="PromptIds">The prompt's token ids as given to the model.</param>
/// <param name="CompletionIds">The generated ids (the stop token included when the row stopped).</param>
/// <param name="Text">The completion decoded, special tokens (the stop marker) dropped.</param>
/// <param name="Stopped">Whether the row ended at a stop token rather than at the token limit.</param>
public sealed record TextCompletion(IReadOnlyList<int> PromptIds, IReadOnlyList<int> CompletionIds, string Text, bool Stopped);
