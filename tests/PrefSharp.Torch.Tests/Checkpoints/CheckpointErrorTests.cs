using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Checkpoints;

/// <summary>Loading a checkpoint that does not fit the model names the tensor and both shapes; old HF names still load.</summary>
public sealed class CheckpointErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-ckpt-err-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private InvalidDataException LoadWith(Func<List<(string Name, Tensor Tensor)>, List<(string, Tensor)>> edit)
    {
        using var model = TinyConfigs.Create("llama");
        using var scope = NewDisposeScope();
        var tensors = model.Module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).ToList();
        SafeTensorsWriter.Write(Path.Combine(_directory, Checkpoint.WeightsFileName), edit(tensors));
        ModelConfigJson.Save(model.Config, Path.Combine(_directory, ModelConfigJson.FileName));
        return Assert.Throws<InvalidDataException>(() => Checkpoint.Load(_directory).Dispose());
    }

    [Fact]
    public void A_missing_tensor_is_named_with_its_expected_shape()
    {
        var error = LoadWith(t => [.. t.Where(x => x.Name != "model.norm.weight")]);
        Assert.Contains("missing tensor 'model.norm.weight' (expected shape [32])", error.Message);
    }

    [Fact]
    public void A_wrong_shape_names_the_tensor_the_expected_and_the_found_shape()
    {
        var error = LoadWith(t => [.. t.Select(x => x.Name == "model.layers.1.self_attn.k_proj.weight" ? (x.Name, zeros(32, 32)) : x)]);
        Assert.Contains("tensor 'model.layers.1.self_attn.k_proj.weight': expected shape [16, 32], found [32, 32]", error.Message);
    }

    [Fact]
    public void An_unexpected_tensor_is_named()
    {
        var error = LoadWith(t => [.. t, ("model.layers.9.mlp.up_proj.weight", zeros(2, 2))]);
        Assert.Contains("unexpected tensor 'model.layers.9.mlp.up_proj.weight' (shape [2, 2])", error.Message);
    }

    [Fact]
    public void A_directory_without_weights_is_a_clear_error()
    {
        ModelConfigJson.Save(ModelConfigJson.Parse(TinyConfigs.Gpt2), Path.Combine(_directory, ModelConfigJson.FileName));
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(_directory).Dispose());
        Assert.Contains("neither model.safetensors nor model.safetensors.index.json", error.Message);
    }

    [Fact]
    public void Original_gpt2_files_without_the_transformer_prefix_and_with_attention_buffers_load()
    {
        // openai-community/gpt2 stores "h.0.attn.c_attn.weight", "wte.weight", … and the causal-mask buffers "h.{i}.attn.bias".
        using var model = TinyConfigs.Create("gpt2");
        using var scope = NewDisposeScope();
        var tensors = model.Module.named_parameters()
            .Select(p => (p.name["transformer.".Length..], (Tensor)p.parameter))
            .Concat([("h.0.attn.bias", ones(1, 1, 64, 64)), ("h.1.attn.bias", ones(1, 1, 64, 64))])
            .ToList();
        SafeTensorsWriter.Write(Path.Combine(_directory, Checkpoint.WeightsFileName), tensors);
        ModelConfigJson.Save(model.Config, Path.Combine(_directory, ModelConfigJson.FileName));
        using var reloaded = Checkpoint.Load(_directory);
        var loaded = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in model.Module.named_parameters())
            TensorAssert.BitIdentical(parameter, loaded[name], name);
    }
}
