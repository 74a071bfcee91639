using System.Text;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The reversible byte → printable character map of byte-level BPE (Radford et al. 2019, GPT-2 <c>encoder.py</c>):
/// the 188 printable bytes '!'..'~', '¡'..'¬', '®'..'ÿ' map to the character with the same code point; the other 68
/// bytes (controls, space, DEL, NBSP, soft hyphen) map to U+0100, U+0101, … in byte order, so space becomes 'Ġ'
/// (U+0120) and '\n' becomes 'Ċ' (U+010A). Vocabulary strings of GPT-2, Llama-3 and Qwen tokenizers use these
/// characters.
/// </summary>
public static class ByteUnicodeMap
{
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte =
        Enumerable.Range(0, 256).ToDictionary(b => ByteToChar[b], b => (byte)b);

    /// <summary>The character standing for <paramref name="value"/>.</summary>
    public static char ToChar(byte value) => ByteToChar[value];

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, each written as its map character.</summary>
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    /// <summary>Appends the bytes that <paramref name="mapped"/> stands for; false when a character is not in the map.</summary>
    public static bool TryAppendBytes(string mapped, List<byte> bytes)
    {
        foreach (var character in mapped)
        {
            if (!CharToByte.TryGetValue(character, out var value)) return false;
            bytes.Add(value);
        }
        return true;
    }

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }
}
