using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>A test double: one id per ASCII character, BOS = 1, EOS = 2, no padding id.</summary>
internal sealed class AsciiTestTokenizer : ITokenizer
{
    public int VocabularySize => 128;
    public IReadOnlyList<int> Encode(string text) => text.Select(c => (int)c).ToArray();
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true) => new(ids.Where(i => i > 2).Select(i => (char)i).ToArray());
    public int? EosId => 2;
    public int? PadId => null;
    public int? BosId => 1;
    public int? TokenToId(string token) => null;
}
