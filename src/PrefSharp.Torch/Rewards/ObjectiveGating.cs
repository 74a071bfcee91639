using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// ArmoRM's mixture-of-experts gate (Wang et al. 2024, "Interpretable Preferences via Multi-Objective Reward Modeling
/// and Mixture-of-Experts", §3.2): a ReLU MLP on the prompt's hidden state f_θ(x) (d) gives logits z over the k
/// objectives, and the gating weights are g(x) = β · softmax(z / τ), non-negative and summing to β. The reward is
/// R = g(x)ᵀ r' (<see cref="Combine"/>). β is a learned scalar (the paper's scaling variable; the reference code's
/// <c>logit_scale</c>, initialised to 1); τ is a fixed temperature. Defaults of the reference implementation: 3 hidden
/// layers of 1024, τ = 10, β₀ = 1, dropout 0.2 in training. Parameter names <c>layers.{i}.weight/bias</c> and
/// <c>logit_scale</c>, as in the released ArmoRM checkpoint's gate. PrefSharp adds two buffers, <c>input_mean</c> and
/// <c>input_std</c> (identity until <see cref="SetInputNormalization"/>), that standardise the prompt state per dimension
/// before the MLP: a from-scratch backbone's prompt states differ between prompts by about 1 % of their norm, too
/// little for the gate to learn from in a few hundred steps (measured on the gym), while a pretrained LLM's do not.
/// </summary>
public sealed class ObjectiveGating : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = new();
    private readonly Parameter scale;
    private readonly Tensor inputMean;
    private readonly Tensor inputStd;

    /// <param name="inputSize">Width d of the prompt representation.</param>
    /// <param name="objectives">Number k of objectives.</param>
    /// <param name="hiddenSize">Width of each hidden layer.</param>
    /// <param name="hiddenLayers">Hidden layers (0: a linear gate).</param>
    /// <param name="temperature">τ, &gt; 0.</param>
    /// <param name="logitScale">β₀, the initial scale.</param>
    /// <param name="dropout">Dropout after each hidden ReLU in training mode, in [0, 1).</param>
    public ObjectiveGating(int inputSize, int objectives, int hiddenSize = 1024, int hiddenLayers = 3, double temperature = 10,
        double logitScale = 1.0, double dropout = 0.0) : base(nameof(ObjectiveGating))
    {
        if (objectives < 1) throw new ArgumentException($"objectives must be ≥ 1, found {objectives}", nameof(objectives));
        if (hiddenLayers < 0) throw new ArgumentException($"gating hidden layers must be ≥ 0, found {hiddenLayers}", nameof(hiddenLayers));
        if (hiddenSize < 1) throw new ArgumentException($"gating hidden size must be ≥ 1, found {hiddenSize}", nameof(hiddenSize));
        if (!(temperature > 0)) throw new ArgumentException($"gating temperature must be > 0, found {temperature}", nameof(temperature));
        if (!(dropout >= 0 && dropout < 1)) throw new ArgumentException($"gating dropout must be in [0, 1), found {dropout}", nameof(dropout));
        Temperature = temperature;
        Dropout = dropout;
        var width = inputSize;
        for (var i = 0; i < hiddenLayers; i++, width = hiddenSize) layers.Add(nn.Linear(width, hiddenSize));
        layers.Add(nn.Linear(width, objectives));
        scale = new Parameter(full(1, logitScale, dtype: ScalarType.Float32));
        inputMean = zeros(inputSize);
        inputStd = ones(inputSize);
        register_module("layers", layers);
        register_parameter("logit_scale", scale);
        register_buffer("input_mean", inputMean);
        register_buffer("input_std", inputStd);
    }

    /// <summary>τ.</summary>
    public double Temperature { get; }

    /// <summary>Dropout probability after each hidden layer (training mode only).</summary>
    public double Dropout { get; }

    /// <summary>The current β.</summary>
    public double Scale => scale.detach().to(ScalarType.Float64).item<double>();

    /// <summary>Standardises inputs with the per-dimension mean and std of reference prompt states (N, d); std floored at 1e-6.</summary>
    public void SetInputNormalization(Tensor promptHidden)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        inputMean.copy_(promptHidden.mean([0]));
        inputStd.copy_(promptHidden.std([0], unbiased: false).clamp_min(1e-6));
    }

    /// <summary>Gate logits z (B, k) from the prompt representation (B, d).</summary>
    public Tensor Logits(Tensor promptHidden)
    {
        using var scope = NewDisposeScope();
        var x = (promptHidden - inputMean) / inputStd;
        for (var i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x);
            if (i == layers.Count - 1) break;
            x = nn.functional.relu(x);
            if (Dropout > 0 && training) x = nn.functional.dropout(x, Dropout, training: true);
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Gating weights g(x) = β · softmax(z / τ): (B, d) → (B, k).</summary>
    public override Tensor forward(Tensor promptHidden)
    {
        using var scope = NewDisposeScope();
        return Weights(Logits(promptHidden), Temperature, scale).MoveToOuterDisposeScope();
    }

    /// <summary>β · softmax(z / τ) for logits (B, k) and a scale β (a one-element tensor).</summary>
    public static Tensor Weights(Tensor logits, double temperature, Tensor scale)
    {
        using var scope = NewDisposeScope();
        return logits.div(temperature).softmax(1).mul(scale).MoveToOuterDisposeScope();
    }

    /// <summary>R = Σ_i g_i r_i: objective rewards (B, k), gating weights (B, k) → (B).</summary>
    public static Tensor Combine(Tensor objectiveRewards, Tensor weights)
    {
        if (objectiveRewards.dim() != 2 || !objectiveRewards.shape.SequenceEqual(weights.shape))
            throw new ArgumentException("objective rewards and gating weights must both be (B, k)", nameof(weights));
        using var scope = NewDisposeScope();
        return (weights * objectiveRewards).sum(1).MoveToOuterDisposeScope();
    }
}
