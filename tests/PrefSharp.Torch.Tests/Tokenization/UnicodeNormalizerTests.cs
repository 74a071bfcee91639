using PrefSharp.Torch.Tokenization.Unicode;

namespace PrefSharp.Torch.Tests.Tokenization;

/// <summary>NFC and NFKC on the cases UAX #15 describes; expected strings follow from the Unicode Character Database.</summary>
public sealed class UnicodeNormalizerTests
{
    [Theory]
    [InlineData("cafe\u0301", "caf\u00e9")]                // e + combining acute composes to é
    [InlineData("caf\u00e9", "caf\u00e9")]                 // already composed
    [InlineData("A\u030angstro\u0308m", "\u00c5ngstr\u00f6m")]
    [InlineData("\u2126", "\u03a9")]                       // OHM SIGN is a singleton: it becomes GREEK CAPITAL OMEGA
    [InlineData("\u212b", "\u00c5")]                       // ANGSTROM SIGN becomes Å
    [InlineData("\u1112\u1161\u11ab", "\ud55c")]           // Hangul L + V + T jamo compose to the syllable 한
    [InlineData("\u1112\u1161", "\ud558")]                 // L + V to 하
    [InlineData("\ud55c", "\ud55c")]
    [InlineData("a\u0307\u0323", "\u1ea1\u0307")]          // marks reordered (dot below, class 220, first), then ạ composes
    [InlineData("a\u0301\u0301", "\u00e1\u0301")]          // the second acute is blocked by the first (same class)
    [InlineData("\u0958", "\u0915\u093c")]                 // DEVANAGARI QA is excluded from composition
    [InlineData("\u1e9b\u0323", "\u1e9b\u0323")]           // UAX #15 figure 6: NFC keeps the long s with dot above
    [InlineData("\ufb01 \u2460 \uff46", "\ufb01 \u2460 \uff46")] // compatibility characters are kept by NFC
    [InlineData("x\ud800y", "x\ud800y")]                   // an unpaired surrogate passes through
    [InlineData("\U0001d15e", "\U0001d157\U0001d165")]     // MUSICAL SYMBOL HALF NOTE: excluded, stays decomposed
    public void Nfc(string text, string expected) => Assert.Equal(expected, UnicodeNormalizer.Nfc(text));

    [Theory]
    [InlineData("\ufb01nance", "finance")]                 // the fi ligature
    [InlineData("\u2460\uff46\uff55\uff4c\uff4c", "1full")] // circled digit one, fullwidth letters
    [InlineData("\u00bd", "1\u20442")]                     // VULGAR FRACTION ONE HALF: 1 FRACTION-SLASH 2
    [InlineData("\u1e9b\u0323", "\u1e69")]                 // UAX #15 figure 6: NFKC gives ṩ
    [InlineData("\u00a0", " ")]                            // no-break space
    [InlineData("cafe\u0301", "caf\u00e9")]
    public void Nfkc(string text, string expected) => Assert.Equal(expected, UnicodeNormalizer.Nfkc(text));

    [Fact]
    public void Tables_name_their_unicode_version() => Assert.Matches(@"^\d+\.\d+\.\d+$", UnicodeNormalizer.UnicodeVersion);
}
