namespace PrefSharp.Core.Data;

/// <summary>Reads past a gzip member header (RFC 1952 §2.3): magic 1F 8B, method 8 (deflate), flags, and the optional fields they announce.</summary>
internal static class GzipHeader
{
    private const byte HeaderCrc = 0x02, Extra = 0x04, Name = 0x08, Comment = 0x10, Reserved = 0xE0;

    /// <summary>Skips the header at the current position; throws a truncated-file error when the file ends inside it.</summary>
    public static void Skip(GzipRawInput input, Func<string, DataFormatException> truncated, Func<string, DataFormatException> corrupt)
    {
        if (!input.TryPeek(10, out var fixedPart))
        {
            throw truncated("the file ends inside a gzip member header");
        }
        if (fixedPart[0] != 0x1F || fixedPart[1] != 0x8B || fixedPart[2] != 8 || (fixedPart[3] & Reserved) != 0)
        {
            throw corrupt($"no gzip member header at byte {input.Offset}");
        }
        var flags = fixedPart[3];
        input.Skip(10);
        if ((flags & Extra) != 0)
        {
            var length = input.TryPeek(2, out var size) ? size[0] | (size[1] << 8) : throw truncated("the file ends inside a gzip header");
            SkipBytes(input, 2 + length, truncated);
        }
        if ((flags & Name) != 0)
        {
            SkipZeroTerminated(input, truncated);
        }
        if ((flags & Comment) != 0)
        {
            SkipZeroTerminated(input, truncated);
        }
        if ((flags & HeaderCrc) != 0)
        {
            SkipBytes(input, 2, truncated);
        }
    }

    private static void SkipBytes(GzipRawInput input, int count, Func<string, DataFormatException> truncated)
    {
        if (!input.TryPeek(count, out _))
        {
            throw truncated("the file ends inside a gzip header");
        }
        input.Skip(count);
    }

    private static void SkipZeroTerminated(GzipRawInput input, Func<string, DataFormatException> truncated)
    {
        for (var length = 1; ; length++)
        {
            if (!input.TryPeek(length, out var bytes))
            {
                throw truncated("the file ends inside a gzip header");
            }
            if (bytes[length - 1] == 0)
            {
                input.Skip(length);
                return;
            }
        }
    }
}
