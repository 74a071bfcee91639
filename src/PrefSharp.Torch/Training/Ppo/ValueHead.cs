using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// A value head on the policy: V(s_t) = w·h_t + b on the policy's last hidden state h_t (the shared-trunk actor-critic
/// of Ziegler et al. 2019, §2.1, and TRL's AutoModelForCausalLMWithValueHead). Starts at w = 0, b = 0 (V ≡ 0), so
/// the first rollout's advantages are its discounted rewards. Saved as <c>model.safetensors</c> holding
/// <c>summary.weight</c> and <c>summary.bias</c>.
/// </summary>
public sealed class ValueHead : nn.Module, IValueModel
{
    private readonly Linear summary;

    /// <param name="hiddenSize">d, the policy's hidden width.</param>
    public ValueHead(int hiddenSize) : base(nameof(ValueHead))
    {
        summary = nn.Linear(hiddenSize, 1);
        using (no_grad())
        {
            summary.weight!.zero_();
            summary.bias!.zero_();
        }
        RegisterComponents();
    }

    public nn.Module Module => this;

    public Tensor Values(SequenceBatch rows, Tensor policyHidden)
    {
        using var scope = NewDisposeScope();
        var length = policyHidden.shape[1];
        return summary.forward(policyHidden.narrow(1, 0, length - 1)).squeeze(-1).MoveToOuterDisposeScope();
    }

    public void Save(string directory) => Checkpoint.SaveWeights(this, directory);

    public void Load(string directory) => Checkpoint.LoadWeights(this, directory, "", _ => false, "value head");
}
