using PrefSharp.Core.Data;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// The index of a sharded checkpoint, <c>model.safetensors.index.json</c>:
/// <c>{"metadata": {"total_size": bytes}, "weight_map": {tensor name: shard file name}}</c>.
/// </summary>
public static class SafeTensorsIndex
{
    public const string FileName = "model.safetensors.index.json";

    /// <summary>Reads the weight map; errors name the file and the bad entry.</summary>
    public static IReadOnlyDictionary<string, string> ReadWeightMap(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
        if (root?["weight_map"] is not JsonObject map)
            throw new InvalidDataException($"{path}: missing object 'weight_map'");
        var weights = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in map)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var file) || file.Length == 0)
                throw new InvalidDataException($"{path}: weight_map['{name}'] must be a file name");
            if (file != Path.GetFileName(file))
                throw new InvalidDataException($"{path}: weight_map['{name}'] = '{file}' must name a file in the same directory");
            weights[name] = file;
        }
        return weights;
    }

    /// <summary>Writes the index atomically.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, string> weightMap, long totalSize)
    {
        var map = new JsonObject();
        foreach (var (name, file) in weightMap.OrderBy(kv => kv.Key, StringComparer.Ordinal)) map[name] = file;
        var root = new JsonObject
        {
            ["metadata"] = new JsonObject { ["total_size"] = totalSize },
            ["weight_map"] = map,
        };
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
