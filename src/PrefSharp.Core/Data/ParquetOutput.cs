using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes records to Parquet atomically, in row groups of a bounded size (memory stays bounded whatever the input
/// size), with Parquet.Net's untyped serialiser. The schema is chosen from the first record.
/// </summary>
internal static class ParquetOutput
{
    public const int DefaultRowGroupSize = 50_000;

    public static long Write<T>(string path, IEnumerable<T> records, Func<T?, ParquetSchema> schemaFor,
        Func<T, Dictionary<string, object?>> toRow, int rowGroupSize = DefaultRowGroupSize)
    {
        long count = 0;
        AtomicFile.Write(path, stream =>
        {
            ParquetSchema? schema = null;
            var rows = new List<IDictionary<string, object?>>(Math.Min(rowGroupSize, 4096));
            foreach (var record in records)
            {
                schema ??= schemaFor(record);
                rows.Add(toRow(record));
                count++;
                if (rows.Count == rowGroupSize)
                {
                    Flush(stream, schema, rows);
                }
            }
            if (rows.Count > 0 || stream.Length == 0)
            {
                Flush(stream, schema ?? schemaFor(default), rows);
            }
        });
        return count;
    }

    /// <summary>A list of {key, value} structs: how PrefSharp stores a string-keyed map (metadata, styles) in Parquet.</summary>
    public static ListField KeyValueList<TValue>(string name) =>
        new(name, new StructField("element", new DataField<string>("key"), new DataField<TValue>("value")));

    public static List<Dictionary<string, object?>>? KeyValueRows<TValue>(IReadOnlyDictionary<string, TValue>? map) =>
        map?.Select(entry => new Dictionary<string, object?> { ["key"] = entry.Key, ["value"] = entry.Value }).ToList();

    private static void Flush(Stream stream, ParquetSchema schema, List<IDictionary<string, object?>> rows)
    {
        var append = stream.Length > 0;
        ParquetSerializer.SerializeUntypedAsync(rows, schema, stream, new ParquetOptions { Append = append }).GetAwaiter().GetResult();
        rows.Clear();
    }
}
