namespace PrefSharp.Core.Data;

/// <summary>Reads a file holding one JSON array of objects, element by element (locations are <c>path[index]</c>).</summary>
internal static class JsonArraySource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var stream = InputFile.OpenDecompressed(path);
        var scanner = new JsonArrayScanner(stream, path);
        while (true)
        {
            var index = scanner.Index;
            if (!scanner.TryReadElement(out var element))
            {
                yield break;
            }
            yield return SourceRecord.Parse(element, new SourceLocation(path, index, IsRecordIndex: true));
        }
    }
}
