using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// One reward-model run end to end (<see cref="RewardModelRecipe"/>): where the data and the output are, what to
/// start from, the loss and how many members. Checked by the caller that parsed it; the recipe checks what only the
/// data can tell (a margin on every pair, k-way lists for a listwise loss).
/// </summary>
public sealed record RewardModelRecipeOptions
{
    /// <summary>Preference pairs, battles with texts, or rankings (any format the data readers know).</summary>
    public required string DataPath { get; init; }

    /// <summary>How to read <see cref="DataPath"/>.</summary>
    public ReadOptions Reading { get; init; } = new();

    /// <summary>The output folder: the model (or member-K folders), tokenizer files, eval.json; training logs under Training.OutputDirectory.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Start from this causal-LM checkpoint's backbone and tokenizer (fresh head); null: a preset from scratch.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>The backbone preset when training from scratch (<see cref="RewardModelPresets"/>).</summary>
    public string Preset { get; init; } = "small";

    /// <summary>Tokenizer folder from scratch; null: a byte-level BPE trained on the training split.</summary>
    public string? TokenizerDirectory { get; init; }

    /// <summary>Ids of the BPE trained when no tokenizer is given.</summary>
    public int VocabularySize { get; init; } = 2048;

    /// <summary>The pairwise loss and its parameters (ignored with <see cref="Listwise"/>).</summary>
    public RewardObjectiveOptions Objective { get; init; } = new();

    /// <summary>A listwise loss on k-way lists instead of the pairwise objective; null: pairwise.</summary>
    public ListwiseLossKind? Listwise { get; init; }

    /// <summary>τ of ListNet's softmax(labels / τ).</summary>
    public double LabelTemperature { get; init; } = 1.0;

    /// <summary>The General Preference head (embedding width 2k and its config) for <see cref="RewardLossKind.GeneralPreference"/>; null otherwise.</summary>
    public (int Dimension, GeneralPreferenceConfig Config)? GeneralPreference { get; init; }

    /// <summary>A personalised head (PAL or MiCRo) with one mixture per annotator; null: one reward for everyone.</summary>
    public PluralisticHeadOptions? Pluralistic { get; init; }

    /// <summary>Train one model with a peer that picks its pairs; null: alone.</summary>
    public PeerReviewOptions? PeerReview { get; init; }

    /// <summary>Members K of the ensemble (1: a single model).</summary>
    public int Members { get; init; } = 1;

    /// <summary>Fraction of prompts held out for evaluation.</summary>
    public double EvalSplit { get; init; } = 0.1;

    /// <summary>Continue from the newest complete checkpoint under the training folder.</summary>
    public bool Resume { get; init; }

    /// <summary>The shared loop's options (learning rate, steps, sequence length, seed, logging, checkpoints).</summary>
    public required TrainingOptions Training { get; init; }
}
