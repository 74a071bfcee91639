using System.Globalization;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

public static partial class Checkpoint
{
    /// <summary>
    /// Loads the weights in <paramref name="directory"/> into <paramref name="model"/>, tensor by tensor, converting
    /// F16/BF16/F32 to each parameter's type. All names and shapes are checked before any byte is read: a missing,
    /// unexpected or mis-shaped tensor is an <see cref="InvalidDataException"/> naming the tensor, the expected shape
    /// and the found shape. Accepted as in transformers: names without the base-model prefix (<c>transformer.</c>,
    /// <c>model.</c>), stored <c>lm_head.weight</c> when tied, and non-persistent buffers of old checkpoints
    /// (<c>attn.bias</c>, <c>attn.masked_bias</c>, <c>rotary_emb.inv_freq</c>), which are skipped. A tensor holding NaN
    /// or ±∞ is refused by name.
    /// </summary>
    public static void LoadWeights(ICausalLM model, string directory) =>
        LoadWeights(model.Module, directory, BaseModelPrefix(model.Config.Family), name => IsIgnorable(name, model.Config),
            $"{model.Config.Family} model");

    /// <summary>The name under which transformers keeps the decoder body: <c>transformer.</c> (GPT-2) or <c>model.</c>.</summary>
    public static string BaseModelPrefix(ModelFamily family) => family == ModelFamily.Gpt2 ? "transformer." : "model.";

    /// <summary>
    /// Loads stored tensors into the parameters of <paramref name="module"/> by name, with the checks of
    /// <see cref="LoadWeights(ICausalLM, string)"/>: a stored name matches a parameter directly or after prefixing
    /// <paramref name="prefix"/>; stored tensors for which <paramref name="ignorable"/> is true are skipped;
    /// <paramref name="what"/> names the model in errors.
    /// </summary>
    public static void LoadWeights(nn.Module module, string directory, string prefix, Func<string, bool> ignorable, string what)
    {
        var expected = module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        var plan = new List<(SafeTensorsFile File, SafeTensorsEntry Entry, Parameter Target)>();
        var errors = new List<string>();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, entry) in EnumerateStoredTensors(directory))
        {
            var name = expected.ContainsKey(entry.Name) ? entry.Name
                : expected.ContainsKey(prefix + entry.Name) ? prefix + entry.Name
                : null;
            if (name is null)
            {
                if (!ignorable(entry.Name))
                    errors.Add($"unexpected tensor '{entry.Name}' (shape {entry.ShapeText}) in {file.Path}: the model has no such parameter");
                continue;
            }
            var target = expected[name];
            if (!loaded.Add(name)) errors.Add($"tensor '{name}' is stored twice");
            else if (!target.shape.SequenceEqual(entry.Shape))
                errors.Add($"tensor '{name}': expected shape {SafeTensorsEntry.FormatShape(target.shape)}, found {entry.ShapeText} in {file.Path}");
            else plan.Add((file, entry, target));
        }
        foreach (var (name, parameter) in expected.Where(p => !loaded.Contains(p.Key)))
            errors.Add($"missing tensor '{name}' (expected shape {SafeTensorsEntry.FormatShape(parameter.shape)}) in {directory}");
        if (errors.Count > 0)
            throw new InvalidDataException(
                $"checkpoint {directory} does not match the {what} ({errors.Count} problems):\n  "
                + string.Join("\n  ", errors.Take(20)) + (errors.Count > 20 ? $"\n  … and {errors.Count - 20} more" : ""));
        foreach (var (file, entry, target) in plan) file.ReadInto(entry, target);
        RefuseNonFinite(plan.Select(p => (p.Entry.Name, p.File.Path, (Tensor)p.Target)));
    }

    /// <summary>A stored weight holding NaN or ±∞ makes the checkpoint unusable: an <see cref="InvalidDataException"/> naming the tensor.</summary>
    private static void RefuseNonFinite(IEnumerable<(string Name, string File, Tensor Tensor)> loaded)
    {
        foreach (var (name, file, tensor) in loaded)
            if (NonFiniteValues.Find(tensor) is { } bad)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: tensor '{name}' holds {bad.Count} non-finite value(s) of {tensor.numel()} (first: {bad.First}); the checkpoint is damaged or comes from a diverged run"));
    }

    private static IEnumerable<(SafeTensorsFile File, SafeTensorsEntry Entry)> EnumerateStoredTensors(string directory)
    {
        var indexPath = Path.Combine(directory, SafeTensorsIndex.FileName);
        if (File.Exists(indexPath))
        {
            var weightMap = SafeTensorsIndex.ReadWeightMap(indexPath);
            foreach (var group in weightMap.GroupBy(kv => kv.Value, kv => kv.Key))
            {
                var file = SafeTensorsFile.Open(Path.Combine(directory, group.Key));
                foreach (var name in group)
                {
                    if (!file.ByName.TryGetValue(name, out var entry))
                        throw new InvalidDataException($"{indexPath}: '{name}' is mapped to {group.Key}, which does not hold it");
                    yield return (file, entry);
                }
            }
            yield break;
        }
        var singlePath = Path.Combine(directory, WeightsFileName);
        if (!File.Exists(singlePath))
            throw new FileNotFoundException($"{directory}: neither {WeightsFileName} nor {SafeTensorsIndex.FileName} exists", singlePath);
        var single = SafeTensorsFile.Open(singlePath);
        foreach (var entry in single.Entries) yield return (single, entry);
    }

    internal static bool IsIgnorable(string name, ModelConfig config) =>
        (config.TieWordEmbeddings && name == "lm_head.weight")
        || name.EndsWith(".attn.bias", StringComparison.Ordinal)
        || name.EndsWith(".attn.masked_bias", StringComparison.Ordinal)
        || name.EndsWith(".rotary_emb.inv_freq", StringComparison.Ordinal);
}
