namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// Ordinal equality of UTF-8 item names, with a span alternate so that a dictionary keyed by a name's bytes is
/// probed straight from the parser's buffer (no string, no UTF-16 transcoding per battle).
/// </summary>
internal sealed class Utf8NameComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly Utf8NameComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] name) => GetHashCode((ReadOnlySpan<byte>)name);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
