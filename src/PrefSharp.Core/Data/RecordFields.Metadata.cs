using System.Text.Json;

namespace PrefSharp.Core.Data;

public sealed partial class RecordFields
{
    /// <summary>The field whose object members are kept as metadata without a prefix (PrefSharp's writers put metadata there).</summary>
    public const string MetadataField = "metadata";

    /// <summary>
    /// The scalar fields a format does not interpret, as text (strings verbatim, numbers and booleans as written),
    /// plus the scalar members of a "metadata" object (or {key, value} list, as Parquet stores maps). Nested lists and objects are left out (AlpacaEval's raw
    /// judge completions, FineGrainedRLHF's passages): metadata is for small labels, not payloads. Null when none.
    /// </summary>
    public Dictionary<string, string>? Extras(IReadOnlySet<string> known)
    {
        Dictionary<string, string>? extras = null;
        foreach (var property in Root.EnumerateObject())
        {
            if (known.Contains(property.Name))
            {
                continue;
            }
            if (property.NameEquals(MetadataField) && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                foreach (var (name, value) in MapEntries(property.Value, MetadataField))
                {
                    AddScalar(ref extras, name, value);
                }
            }
            else
            {
                AddScalar(ref extras, property.Name, property.Value);
            }
        }
        return extras;
    }

    private void AddScalar(ref Dictionary<string, string>? extras, string name, JsonElement value)
    {
        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        if (text is null || (ScalarsAsText && text.Length == 0))
        {
            return;
        }
        extras ??= new Dictionary<string, string>(StringComparer.Ordinal);
        extras[name] = text;
    }
}
