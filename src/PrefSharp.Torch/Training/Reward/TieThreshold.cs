using System.Globalization;
using PrefSharp.Torch.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// The Rao–Kupper threshold η as a trainable parameter, η = softplus(ρ) &gt; 0, registered beside the reward model in
/// <see cref="RewardTrainingModule"/> so the loop's optimiser fits it with the rewards (maximum likelihood of wins and
/// ties, Rao and Kupper 1967). Starts at the requested η. A training checkpoint carries its raw value in
/// <see cref="FileName"/> (<see cref="Save"/>, <see cref="Load"/>), so a resumed run continues from the fitted η, not the start.
/// </summary>
public sealed class TieThreshold : nn.Module
{
    private readonly TorchSharp.Modules.Parameter _raw;

    /// <summary>A threshold starting at <paramref name="initial"/> &gt; 0.</summary>
    public TieThreshold(double initial) : base(nameof(TieThreshold))
    {
        if (!(initial > 0) || double.IsInfinity(initial)) throw new ArgumentException($"the tie threshold must be finite and > 0, found {initial}", nameof(initial));
        _raw = new TorchSharp.Modules.Parameter(tensor(Math.Log(Math.Exp(initial) - 1), ScalarType.Float32));   // softplus⁻¹(η)
        register_parameter("raw", _raw);
    }

    /// <summary>η as a scalar tensor (differentiable).</summary>
    public Tensor Value => nn.functional.softplus(_raw);

    /// <summary>η as a number.</summary>
    public double Current
    {
        get
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            return Value.to(ScalarType.Float64).item<double>();
        }
    }

    /// <summary>The file inside a checkpoint folder that holds the raw parameter ρ (η = softplus(ρ)).</summary>
    public const string FileName = "tie_threshold.safetensors";

    /// <summary>Writes ρ (bit for bit) into <paramref name="directory"/>/<see cref="FileName"/>, with η in the metadata.</summary>
    public void Save(string directory) => SafeTensorsWriter.Write(Path.Combine(directory, FileName), [("raw", _raw)],
        new Dictionary<string, string> { ["tie_threshold"] = Current.ToString("R", CultureInfo.InvariantCulture) });

    /// <summary>Restores ρ from a folder written by <see cref="Save"/>.</summary>
    public void Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new InvalidDataException($"{directory} has no {FileName}: it was not written by a Rao–Kupper run that fits η (train-rm --loss rao-kupper), so η cannot be restored");
        var file = SafeTensorsFile.Open(path);
        if (!file.ByName.TryGetValue("raw", out var entry)) throw new InvalidDataException($"{path}: no tensor named 'raw'");
        file.ReadInto(entry, _raw);
    }
}
