using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Loop;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// The policy and its value model as one trainable module for the shared loop (one AdamW over both), saved as the
/// policy's Hugging Face checkpoint with the value model in its <see cref="ValueFolder"/> subfolder.
/// </summary>
public sealed class PolicyWithValue : nn.Module
{
    /// <summary>Subfolder of a checkpoint that holds the value model.</summary>
    public const string ValueFolder = "value";

    private PolicyWithValue(ICausalLM policy, IValueModel? value) : base(nameof(PolicyWithValue))
    {
        register_module("policy", policy.Module);
        if (value is not null) register_module(ValueFolder, value.Module);
    }

    /// <summary>
    /// The shared loop's model: <paramref name="value"/> null (P3O) trains and saves the policy alone;
    /// <paramref name="saveAlongside"/> adds files to every checkpoint (the tokenizer).
    /// </summary>
    public static TrainableModel Trainable(ICausalLM policy, IValueModel? value, Action<string>? saveAlongside) =>
        new(new PolicyWithValue(policy, value), directory =>
        {
            Checkpoint.Save(policy, directory);
            value?.Save(Path.Combine(directory, ValueFolder));
            saveAlongside?.Invoke(directory);
        }, directory =>
        {
            Checkpoint.LoadWeights(policy, directory);
            value?.Load(Path.Combine(directory, ValueFolder));
        });
}
