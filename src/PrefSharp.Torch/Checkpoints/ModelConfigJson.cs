using PrefSharp.Core.Data;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// Reads and writes <see cref="ModelConfig"/> as a Hugging Face <c>config.json</c>, with each family's own field
/// names and defaults (transformers' <c>GPT2Config</c>, <c>LlamaConfig</c>, <c>Qwen2Config</c>).
/// </summary>
public static partial class ModelConfigJson
{
    /// <summary>The file name of a config inside a checkpoint directory.</summary>
    public const string FileName = "config.json";

    /// <summary>Reads a config file; errors start with the path.</summary>
    public static ModelConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses config JSON text and validates it (<see cref="ModelConfig.Validate"/>).</summary>
    public static ModelConfig Parse(string json, string source = FileName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{source}: not valid JSON: {e.Message}", "config.json", e);
        }
        if (root is not JsonObject obj) throw new ArgumentException($"{source}: expected a JSON object", "config.json");
        var fields = new JsonFields(obj, source);
        var modelType = fields.String("model_type")
            ?? throw new ArgumentException($"{source}: field 'model_type' is missing", "model_type");
        var config = modelType switch
        {
            "gpt2" => ReadGpt2(fields),
            "llama" => ReadLlama(fields, ModelFamily.Llama),
            "qwen2" => ReadLlama(fields, ModelFamily.Qwen2),
            _ => throw new ArgumentException(
                $"{source}: unsupported model_type '{modelType}'; supported: gpt2, llama, qwen2", "model_type"),
        };
        return config.Validate();
    }

    /// <summary>
    /// Writes the config as indented JSON text with the family's Hugging Face field names; <c>torch_dtype</c> names
    /// <paramref name="dtype"/>, the type of the stored weights.
    /// </summary>
    public static string Serialize(ModelConfig config, TorchSharp.torch.ScalarType dtype = TorchSharp.torch.ScalarType.Float32) =>
        Write(config, dtype).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>Writes the config file atomically (temporary file, then rename).</summary>
    public static void Save(ModelConfig config, string path, TorchSharp.torch.ScalarType dtype = TorchSharp.torch.ScalarType.Float32) =>
        AtomicFile.WriteAllText(path, Serialize(config, dtype));
}
