using System.Globalization;
using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization.Parity;

/// <summary>
/// PrefSharp's ids against tokenizers.js on the real Qwen3, Llama 3 and GPT-2 tokenizer.json files, for every string
/// of strings.json: <see cref="HuggingFaceTokenizer.Encode"/> against the reference with special tokens as plain
/// text, <see cref="HuggingFaceTokenizer.EncodeWithSpecialTokens"/> against the Hugging Face default.
/// </summary>
public sealed class TokenizerParityTests
{
    public static TheoryData<string> Names => [.. ParityReference.Names];

    [ParityTheory]
    [MemberData(nameof(Names))]
    public void Plain_text_ids_match_tokenizers_js(string name) =>
        AssertSame(name, "plain", (tokenizer, text) => tokenizer.Encode(text));

    [ParityTheory]
    [MemberData(nameof(Names))]
    public void Ids_with_special_tokens_match_tokenizers_js(string name) =>
        AssertSame(name, "special", (tokenizer, text) => tokenizer.EncodeWithSpecialTokens(text));

    private static void AssertSame(string name, string mode, Func<HuggingFaceTokenizer, string, IReadOnlyList<int>> encode)
    {
        var expected = ParityReference.Reference(name, mode);
        var tokenizer = TokenizerJsonReader.Load(Path.Combine(ParityReference.ModelFolder(name), TokenizerJsonReader.FileName));
        var mismatches = new StringBuilder();
        var count = 0;
        for (var i = 0; i < ParityReference.Strings.Count; i++)
        {
            var text = ParityReference.Strings[i];
            var actual = encode(tokenizer, text);
            if (actual.SequenceEqual(expected[i])) continue;
            count++;
            mismatches.AppendLine($"  {Escaped(text)}\n    tokenizers.js [{string.Join(", ", expected[i])}]\n    PrefSharp     [{string.Join(", ", actual)}]");
        }
        Assert.True(count == 0, $"{name} ({mode}): {count} of {ParityReference.Strings.Count} strings differ\n{mismatches}");
    }

    /// <summary>The string in quotes, with controls, format characters and combining marks as \uXXXX so the report shows them.</summary>
    private static string Escaped(string text) => "\"" + string.Concat(text.Select(c =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
