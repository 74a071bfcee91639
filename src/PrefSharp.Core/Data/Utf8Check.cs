using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PrefSharp.Core.Data;

/// <summary>Checks that a record's bytes are UTF-8 before any text is decoded, so that a bad byte is one bad record with its place.</summary>
internal static class Utf8Check
{
    /// <summary>Null for valid UTF-8; otherwise the error <c>path:line: invalid UTF-8 (at byte N); expected …</c>, N 1-based in the record.</summary>
    public static DataFormatException? Error(ReadOnlySpan<byte> bytes, SourceLocation location) => Utf8.IsValid(bytes)
        ? null
        : new DataFormatException(location, null, Problems.InvalidUtf8, "text encoded as UTF-8", $"at byte {FirstInvalidByte(bytes) + 1}");

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }
}
