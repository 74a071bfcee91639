using System.CommandLine;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;

namespace PrefSharp.Cli.Commands.Sft;

/// <summary>Where the model comes from: <c>--model DIR</c> (a checkpoint) or a fresh Llama-style decoder (<c>--preset</c> or <c>--width/--depth/--heads</c>).</summary>
public sealed class SftModelOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = "Start from this checkpoint folder (config.json + safetensors)" };
    public Option<string?> Preset { get; } = new("--preset") { Description = "Train from scratch: tiny (d 128, 4 layers, 4 heads) or small (d 512, 8 layers, 8 heads)" };
    public Option<int?> Width { get; } = new("--width") { Description = "From scratch: hidden size (multiple of --heads)" };
    public Option<int?> Depth { get; } = new("--depth") { Description = "From scratch: layers" };
    public Option<int?> Heads { get; } = new("--heads") { Description = "From scratch: attention heads" };

    public void AddTo(Command command)
    {
        Preset.AcceptOnlyFromAmong("tiny", "small");
        foreach (var option in new Option[] { Model, Preset, Width, Depth, Heads }) command.Add(option);
    }

    /// <summary>The checkpoint folder, or null when training from scratch; throws when both or neither are given.</summary>
    public string? CheckpointDirectory(ParseResult parse)
    {
        var model = parse.GetValue(Model);
        var scratch = parse.GetValue(Preset) is not null || parse.GetValue(Width) is not null || parse.GetValue(Depth) is not null || parse.GetValue(Heads) is not null;
        if (model is not null && scratch) throw new ArgumentException("--model cannot be combined with --preset/--width/--depth/--heads: start from a checkpoint or from scratch");
        if (model is null && !scratch) throw new ArgumentException("give --model DIR (a checkpoint) or --preset tiny|small (or --width/--depth/--heads) to train from scratch");
        if (model is not null && !Directory.Exists(model)) throw new DirectoryNotFoundException($"--model: no folder {model}");
        return model;
    }

    /// <summary>A Llama-style config for training from scratch with <paramref name="vocabularySize"/> ids.</summary>
    public ModelConfig ScratchConfig(ParseResult parse, int vocabularySize, int maxLength)
    {
        var (width, depth, heads) = parse.GetValue(Preset) == "small" ? (512, 8, 8) : (128, 4, 4);
        width = parse.GetValue(Width) ?? width;
        depth = parse.GetValue(Depth) ?? depth;
        heads = parse.GetValue(Heads) ?? heads;
        if (width < 8) throw new ArgumentException($"--width = {width}; must be >= 8");
        if (depth < 1) throw new ArgumentException($"--depth = {depth}; must be >= 1");
        if (heads < 1 || width % heads != 0 || width / heads % 2 != 0)
            throw new ArgumentException($"--heads = {heads}; must divide --width = {width} into heads of even size");
        return new ModelConfig
        {
            Family = ModelFamily.Llama, VocabSize = vocabularySize, HiddenSize = width, NumLayers = depth, NumHeads = heads,
            NumKeyValueHeads = heads, IntermediateSize = (width * 8 / 3 + 63) / 64 * 64, MaxPositions = Math.Max(512, maxLength),
            InitializerRange = 0.02,
        };
    }
}
