using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Checkpoints;

/// <summary>Save then load gives bit-identical weights; files follow the Hugging Face layout.</summary>
public sealed class CheckpointRoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Reload_is_bit_identical_and_gives_the_same_logits(string family)
    {
        using var original = TinyConfigs.Create(family);
        Checkpoint.Save(original, _directory);
        using var reloaded = Checkpoint.Load(_directory);

        Assert.Equal(ModelConfigJson.Serialize(original.Config), ModelConfigJson.Serialize(reloaded.Config));
        var loaded = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var saved = original.Module.named_parameters().ToList();
        Assert.Equal(saved.Count, loaded.Count);
        foreach (var (name, parameter) in saved)
            TensorAssert.BitIdentical(parameter, loaded[name], $"{name} differs after reload");

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = randint(0, 64, [2, 5]);
        TensorAssert.BitIdentical(original.forward(ids).Logits, reloaded.forward(ids).Logits, "logits");
        Assert.Equal([ModelConfigJson.FileName, Checkpoint.WeightsFileName], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Tied_gpt2_stores_no_lm_head_and_the_reload_ties_it_again()
    {
        using var original = TinyConfigs.Create("gpt2");
        Checkpoint.Save(original, _directory);
        var file = SafeTensorsFile.Open(Path.Combine(_directory, Checkpoint.WeightsFileName));
        Assert.DoesNotContain("lm_head.weight", file.ByName.Keys);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal([32L, 96], file.ByName["transformer.h.0.attn.c_attn.weight"].Shape);

        using var reloaded = Checkpoint.Load(_directory);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // The output projection is the embedding: changing wte changes the logits through both ends.
        var embedding = reloaded.Module.named_parameters().Single(p => p.name == "transformer.wte.weight").parameter;
        var hidden = reloaded.forward_hidden(tensor(new long[,] { { 4, 5 } }));
        var logits = reloaded.forward(tensor(new long[,] { { 4, 5 } })).Logits;
        Assert.True(logits.allclose(hidden.matmul(embedding.t()), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Sharded_checkpoints_write_an_index_and_reload_identically()
    {
        using var original = TinyConfigs.Create("llama");
        Checkpoint.Save(original, _directory, maxShardBytes: 20_000);
        var weightMap = SafeTensorsIndex.ReadWeightMap(Path.Combine(_directory, SafeTensorsIndex.FileName));
        var shards = weightMap.Values.Distinct().Order().ToList();
        Assert.True(shards.Count >= 3, $"expected several shards, found {shards.Count}");
        Assert.Equal($"model-00001-of-{shards.Count:D5}.safetensors", shards[0]);
        Assert.False(File.Exists(Path.Combine(_directory, Checkpoint.WeightsFileName)));

        using var reloaded = Checkpoint.Load(_directory);
        var loaded = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in original.Module.named_parameters())
            TensorAssert.BitIdentical(parameter, loaded[name], $"{name} differs after a sharded reload");

        Checkpoint.Save(original, _directory);  // back to one file: the shards and index go away
        Assert.Equal([ModelConfigJson.FileName, Checkpoint.WeightsFileName], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Bfloat16_weights_load_into_a_float32_model_as_the_rounded_values()
    {
        using var original = TinyConfigs.Create("qwen2");
        using var scope = NewDisposeScope();
        var halves = original.Module.named_parameters().Select(p => (p.name, p.parameter.to(ScalarType.BFloat16))).ToList();
        SafeTensorsWriter.Write(Path.Combine(_directory, Checkpoint.WeightsFileName), halves);
        ModelConfigJson.Save(original.Config, Path.Combine(_directory, ModelConfigJson.FileName));
        using var reloaded = Checkpoint.Load(_directory);
        var loaded = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, half) in halves)
        {
            Assert.Equal(ScalarType.Float32, loaded[name].dtype);
            TensorAssert.BitIdentical(half.to(ScalarType.Float32), loaded[name], $"{name} is not the bf16 value widened");
        }
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Loading_as_bfloat16_converts_every_weight_and_runs(string family)
    {
        using var original = TinyConfigs.Create(family);
        Checkpoint.Save(original, _directory);
        using var reloaded = Checkpoint.Load(_directory, new ComputeTarget(CPU, ScalarType.BFloat16));
        var loaded = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in original.Module.named_parameters())
            TensorAssert.BitIdentical(parameter.to(ScalarType.BFloat16), loaded[name], name);
        using var noGrad = no_grad();
        var ids = tensor(new long[,] { { 0, 0, 4, 9, 33 }, { 5, 6, 7, 8, 9 } });
        var mask = tensor(new long[,] { { 0, 0, 1, 1, 1 }, { 1, 1, 1, 1, 1 } });
        var full = original.forward(ids, mask).Logits;
        var half = reloaded.forward(ids, mask).Logits;
        Assert.Equal(ScalarType.BFloat16, half.dtype);
        var scale = full.abs().max().item<float>();
        TensorAssert.Close(full.narrow(1, 2, 3), half.narrow(1, 2, 3), 0.1 * scale, "bf16 logits");
    }
}
