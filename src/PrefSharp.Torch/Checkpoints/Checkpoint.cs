using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// Hugging Face checkpoint directories: <c>config.json</c> plus <c>model.safetensors</c>, or shards
/// <c>model-0000i-of-0000n.safetensors</c> with <c>model.safetensors.index.json</c>. Tied output weights are
/// stored once, under the embedding's name, as transformers does; loading ties them again.
/// </summary>
public static partial class Checkpoint
{
    /// <summary>The single-file weights name.</summary>
    public const string WeightsFileName = "model.safetensors";

    private static readonly Dictionary<string, string> FormatMetadata = new() { ["format"] = "pt" };

    /// <summary>
    /// Writes <c>config.json</c> and the weights of <paramref name="model"/> into <paramref name="directory"/>, each
    /// file atomically, in the parameters' own type (recorded as <c>torch_dtype</c>). With <paramref name="maxShardBytes"/> &gt; 0, weights are split into shards of about that size
    /// and indexed; otherwise one file. Stale weight files of the other layout are removed.
    /// </summary>
    public static void Save(ICausalLM model, string directory, long maxShardBytes = 0)
    {
        Directory.CreateDirectory(directory);
        ModelConfigJson.Save(model.Config, Path.Combine(directory, ModelConfigJson.FileName), ComputeTarget.Of(model.Module).DType);
        SaveWeights(model.Module, directory, maxShardBytes);
    }

    /// <summary>
    /// Writes the parameters of <paramref name="module"/> under their <c>named_parameters()</c> names as
    /// <c>model.safetensors</c> (or shards with an index when <paramref name="maxShardBytes"/> &gt; 0), atomically;
    /// the caller writes <c>config.json</c>. Used by <see cref="Save"/> and by reward models.
    /// </summary>
    public static void SaveWeights(nn.Module module, string directory, long maxShardBytes = 0)
    {
        Directory.CreateDirectory(directory);
        var parameters = module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).ToList();
        var indexPath = Path.Combine(directory, SafeTensorsIndex.FileName);
        var singlePath = Path.Combine(directory, WeightsFileName);
        var shards = SplitIntoShards(parameters, maxShardBytes);
        if (shards.Count == 1)
        {
            SafeTensorsWriter.Write(singlePath, parameters, FormatMetadata);
            DeleteShards(directory, indexPath, keep: new HashSet<string>());
            return;
        }
        var weightMap = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < shards.Count; i++)
        {
            var name = $"model-{i + 1:D5}-of-{shards.Count:D5}.safetensors";
            SafeTensorsWriter.Write(Path.Combine(directory, name), shards[i], FormatMetadata);
            foreach (var (tensorName, _) in shards[i]) weightMap[tensorName] = name;
        }
        DeleteShards(directory, indexPath, keep: new HashSet<string>(weightMap.Values));
        SafeTensorsIndex.Write(indexPath, weightMap, parameters.Sum(p => p.Item2.NumberOfElements * p.Item2.ElementSize));
        if (File.Exists(singlePath)) File.Delete(singlePath);
    }

    /// <summary>
    /// Builds the model described by <c>config.json</c> on <paramref name="target"/> (null: <see cref="ComputeTarget.Default"/>)
    /// and loads its weights, converted to the target's type: F16, BF16 and F32 files all load into any of the three,
    /// whatever <c>torch_dtype</c> says.
    /// </summary>
    public static ICausalLM Load(string directory, ComputeTarget? target = null)
    {
        var config = ModelConfigJson.Load(Path.Combine(directory, ModelConfigJson.FileName));
        var model = CausalLM.Create(config);
        try
        {
            (target ?? ComputeTarget.Default).Apply(model.Module);
            LoadWeights(model, directory);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static List<List<(string, Tensor)>> SplitIntoShards(List<(string, Tensor)> parameters, long maxShardBytes)
    {
        var shards = new List<List<(string, Tensor)>> { new() };
        long current = 0;
        foreach (var (name, tensor) in parameters)
        {
            var bytes = tensor.NumberOfElements * tensor.ElementSize;
            if (maxShardBytes > 0 && current > 0 && current + bytes > maxShardBytes)
            {
                shards.Add([]);
                current = 0;
            }
            shards[^1].Add((name, tensor));
            current += bytes;
        }
        return shards;
    }

    private static void DeleteShards(string directory, string indexPath, HashSet<string> keep)
    {
        if (!File.Exists(indexPath)) return;
        foreach (var file in SafeTensorsIndex.ReadWeightMap(indexPath).Values.Distinct())
            if (!keep.Contains(file) && File.Exists(Path.Combine(directory, file))) File.Delete(Path.Combine(directory, file));
        if (keep.Count == 0) File.Delete(indexPath);
    }
}
