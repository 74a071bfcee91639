using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Loop;

/// <summary>
/// What the loop needs of a model: its module (parameters, train/eval mode) and how to save and reload its weights in
/// a checkpoint folder. A policy is <see cref="FromCausalLM"/>; a reward model brings its own save/load.
/// </summary>
/// <param name="Module">The trained module; every parameter with <c>requires_grad</c> is optimised.</param>
/// <param name="SaveTo">Writes the model into a folder (config and weights).</param>
/// <param name="LoadFrom">Loads weights from a folder written by <paramref name="SaveTo"/> into <paramref name="Module"/>.</param>
public sealed record TrainableModel(nn.Module Module, Action<string> SaveTo, Action<string> LoadFrom)
{
    /// <summary>
    /// A causal LM saved as a Hugging Face checkpoint (<c>config.json</c> + <c>model.safetensors</c>), plus whatever
    /// <paramref name="saveAlongside"/> writes into the same folder (the tokenizer files, so a checkpoint is usable alone).
    /// </summary>
    public static TrainableModel FromCausalLM(ICausalLM model, Action<string>? saveAlongside = null) =>
        new(model.Module, directory =>
        {
            Checkpoint.Save(model, directory);
            saveAlongside?.Invoke(directory);
        }, directory => Checkpoint.LoadWeights(model, directory));
}
