namespace PrefSharp.Torch.Tokenization;

/// <summary>One entry of <c>added_tokens</c> in <c>tokenizer.json</c>: a whole string with a fixed id.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Content">The exact text.</param>
/// <param name="Special">Special tokens (markers, EOS) are recognised only in template text and can be skipped when decoding.</param>
public sealed record AddedToken(int Id, string Content, bool Special);
