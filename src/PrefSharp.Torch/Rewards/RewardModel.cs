using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// A decoder backbone plus a reward head read at the last real token (Ouyang et al. 2022, §3.5; Stiennon et al.
/// 2020, §3.1: the language model with its unembedding replaced by a scalar projection). Parameter names are those of
/// Hugging Face's sequence-classification models: the backbone's own names (<c>model.*</c> for Llama/Qwen2,
/// <c>transformer.*</c> for GPT-2) and the head under <c>score</c> (see <see cref="RewardHeadKind"/>).
/// </summary>
/// <remarks>
/// The backbone is built without an output projection (its config is marked tied, and tying only affects the
/// never-called logits), so no V×d matrix is allocated. Its submodules are registered directly on this module, so
/// <c>named_parameters()</c> gives the checkpoint names and <c>to()</c>/<c>train()</c> reach every weight.
/// </remarks>
public sealed partial class RewardModel : nn.Module
{
    private readonly ICausalLM _backbone;
    private readonly nn.Module<Tensor, Tensor> _score;

    /// <summary>A fresh model: backbone and head initialised as Hugging Face does (head weights ~ N(0, initializer_range²)).</summary>
    public RewardModel(RewardModelConfig config) : base(nameof(RewardModel))
    {
        Config = config.Validate();
        _backbone = CausalLM.Create(config.Backbone with { TieWordEmbeddings = true });
        foreach (var (name, child) in _backbone.Module.named_children()) register_module(name, child);
        _score = RewardHeads.Create(config);
        register_module("score", _score);
        _promptHead = CreatePromptHead(config);
        if (_promptHead is not null) register_module("prompt_head", _promptHead);
    }

    /// <summary>The architecture, head and normalisation statistics.</summary>
    public RewardModelConfig Config { get; private set; }

    /// <summary>The padding id batches of this model use: the backbone's pad id, else its first EOS, else 0.</summary>
    public int PadId => (int)(Config.Backbone.PadTokenId ?? Config.Backbone.EosTokenIds.FirstOrDefault());

    /// <summary>The decoder (hidden states through <see cref="ICausalLM.forward_hidden"/>).</summary>
    public ICausalLM Backbone => _backbone;

    /// <summary>Raw head outputs at the last real token: (B, T) ids and mask → (B, num_labels).</summary>
    public Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var hidden = _backbone.forward_hidden(inputIds, attentionMask);    // (B, T, d)
        var pooled = LastTokenPooling.Pool(hidden, attentionMask);          // (B, d)
        return _score.forward(pooled).MoveToOuterDisposeScope();            // (B, num_labels)
    }

    /// <summary>Scalar rewards (B) of a num_labels = 1 model, raw (as trained).</summary>
    public Tensor Rewards(Tensor inputIds, Tensor attentionMask)
    {
        if (Config.IsGeneralPreference)
            throw new InvalidOperationException("this is a General Preference Model: it has no scalar reward, only pairwise preferences (PreferenceLogits, GeneralPreferenceOutputs)");
        if (Config.NumLabels != 1)
            throw new InvalidOperationException($"this reward model has num_labels = {Config.NumLabels}; use forward for its vector outputs");
        using var scope = NewDisposeScope();
        return forward(inputIds, attentionMask).squeeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>(r − <see cref="RewardModelConfig.RewardMean"/>) / <see cref="RewardModelConfig.RewardStd"/>.</summary>
    public Tensor Normalize(Tensor rawRewards)
    {
        using var scope = NewDisposeScope();
        return rawRewards.sub(Config.RewardMean).div(Config.RewardStd).MoveToOuterDisposeScope();
    }

    /// <summary>Records the mean and standard deviation of raw rewards measured on reference data (saved with the model).</summary>
    public void SetNormalization(double mean, double std) =>
        Config = (Config with { RewardMean = mean, RewardStd = std }).Validate();

    /// <summary>Records the Rao–Kupper tie threshold η fitted with the model (saved as <c>prefsharp_tie_threshold</c>).</summary>
    public void SetTieThreshold(double threshold) => Config = (Config with { TieThreshold = threshold }).Validate();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _backbone.Dispose();
        base.Dispose(disposing);
    }
}
