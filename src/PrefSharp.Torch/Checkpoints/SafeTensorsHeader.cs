using System.Text;
using System.Text.Json;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// The JSON header of a safetensors file (format of huggingface/safetensors): an object mapping each tensor name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> plus an optional <c>"__metadata__"</c> map of strings.
/// Offsets are relative to the first byte after the header; the byte ranges must tile the data section exactly.
/// </summary>
public static class SafeTensorsHeader
{
    /// <summary>The reserved key of the string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>
    /// Builds the header for <paramref name="entries"/> (given in data order) as UTF-8 JSON, padded with spaces to a
    /// multiple of 8 bytes so that the data section starts 8-byte aligned.
    /// </summary>
    public static byte[] Build(IReadOnlyList<SafeTensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            foreach (var entry in entries)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", entry.DType.ToString());
                json.WriteStartArray("shape");
                foreach (var size in entry.Shape) json.WriteNumberValue(size);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(entry.Begin);
                json.WriteNumberValue(entry.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var padding = (int)((8 - buffer.Length % 8) % 8);
        for (var i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    /// <summary>
    /// Parses and checks a header: known dtypes, non-negative shapes, byte lengths equal to elements × size, and
    /// ranges that tile [0, <paramref name="dataLength"/>) without gap or overlap. Errors name the file and tensor.
    /// </summary>
    public static (IReadOnlyList<SafeTensorsEntry> Entries, IReadOnlyDictionary<string, string> Metadata) Parse(
        ReadOnlySpan<byte> header, long dataLength, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the safetensors header is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: the safetensors header must be a JSON object");
            var entries = new List<SafeTensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var names = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                    throw new InvalidDataException($"{source}: tensor '{property.Name}' appears twice in the header");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, source);
                else entries.Add(ReadEntry(property.Name, property.Value, source));
            }
            CheckTiling(entries, dataLength, source);
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: {MetadataKey} must be an object of strings");
        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{source}: {MetadataKey}.{item.Name} must be a string");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static SafeTensorsEntry ReadEntry(string name, JsonElement element, string source)
    {
        string Where() => $"{source}: tensor '{name}'";
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{Where()}: expected an object");
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"{Where()}: missing string field 'dtype'");
        var dtypeName = dtypeElement.GetString()!;
        var dtype = SafeTensorsDTypes.Parse(dtypeName)
            ?? throw new InvalidDataException($"{Where()}: unsupported dtype '{dtypeName}'");
        var shape = ReadLongs(element, "shape", Where);
        var offsets = ReadLongs(element, "data_offsets", Where);
        if (offsets.Length != 2 || offsets[0] > offsets[1])
            throw new InvalidDataException($"{Where()}: data_offsets must be [begin, end] with begin ≤ end");
        var entry = new SafeTensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
        if (entry.ElementCount * dtype.Size() != entry.ByteLength)
            throw new InvalidDataException(
                $"{Where()}: shape {entry.ShapeText} of {dtypeName} needs {entry.ElementCount * dtype.Size()} bytes, " +
                $"but data_offsets span {entry.ByteLength}");
        return entry;
    }

    private static long[] ReadLongs(JsonElement element, string field, Func<string> where)
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{where()}: missing array field '{field}'");
        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var value) || value < 0)
                throw new InvalidDataException($"{where()}: '{field}' must hold non-negative integers");
            values.Add(value);
        }
        return [.. values];
    }

    private static void CheckTiling(List<SafeTensorsEntry> entries, long dataLength, string source)
    {
        long expectedBegin = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin != expectedBegin)
                throw new InvalidDataException(
                    $"{source}: tensor '{entry.Name}' starts at byte {entry.Begin} of the data section, expected {expectedBegin} (gap or overlap)");
            expectedBegin = entry.End;
        }
        if (expectedBegin != dataLength)
            throw new InvalidDataException(
                $"{source}: the tensors cover {expectedBegin} bytes but the data section holds {dataLength} (truncated or trailing bytes)");
    }

    /// <summary>The header as text (for messages and tests).</summary>
    public static string ToText(ReadOnlySpan<byte> header) => Encoding.UTF8.GetString(header);
}
