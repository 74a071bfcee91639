namespace PrefSharp.Torch.Tokenization;

/// <summary>The id a tokenizer pads batches with.</summary>
public static class TokenizerPadding
{
    /// <summary>The pad id, else the EOS id (GPT-2 style vocabularies have no pad token), else 0.</summary>
    public static int PaddingId(this ITokenizer tokenizer) => tokenizer.PadId ?? tokenizer.EosId ?? 0;
}
