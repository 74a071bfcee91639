using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Checkpoints;

/// <summary>
/// Checkpoints in float32, bfloat16 and float16: saved in the model's own type with <c>torch_dtype</c> naming it, and
/// each loads into each of the three as the stored values converted (exact within a type and when widening).
/// </summary>
public sealed class CheckpointDTypeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-dtype-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static IEnumerable<object[]> Pairs =>
        from saved in ComputeDTypes.Names from loaded in ComputeDTypes.Names select new object[] { saved, loaded };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_checkpoint_saved_in_one_type_loads_into_another_as_its_values_converted(string savedName, string loadedName)
    {
        var (saved, loaded) = (ComputeDTypes.Parse(savedName), ComputeDTypes.Parse(loadedName));
        using var original = TinyConfigs.Create("qwen2");
        new ComputeTarget(CPU, saved).Apply(original.Module);
        Checkpoint.Save(original, _directory);

        using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, ModelConfigJson.FileName))))
            Assert.Equal(savedName, config.RootElement.GetProperty("torch_dtype").GetString());
        var file = SafeTensorsFile.Open(Path.Combine(_directory, Checkpoint.WeightsFileName));
        Assert.All(file.Entries, e => Assert.Equal(SafeTensorsDTypes.FromScalarType(saved), e.DType));

        using var reloaded = Checkpoint.Load(_directory, new ComputeTarget(CPU, loaded));
        var weights = reloaded.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in original.Module.named_parameters())
        {
            Assert.Equal(loaded, weights[name].dtype);
            TensorAssert.BitIdentical(parameter.to(loaded), weights[name], $"{name}: {savedName} → {loadedName}");
        }
    }
}
