using System.Text.Json.Nodes;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards.MultiObjective;

/// <summary>Multi-objective checkpoints: a Hugging Face seq-cls layout with named labels, plus the gate beside it.</summary>
public sealed class MultiObjectiveCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-armo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly TokenizedSequence[] Sequences =
    [
        TokenizedSequence.PromptCompletion([5, 6, 7], [8, 9, 2]),
        TokenizedSequence.PromptCompletion([5, 11], [12, 2]),
        TokenizedSequence.PromptCompletion([13, 6, 7, 20], [30, 31, 32, 2]),
    ];

    private static MultiObjectiveRewardModel Gated()
    {
        var model = new MultiObjectiveRewardModel(TinyRewardModels.Create("llama", labels: 3), new MultiObjectiveConfig { Objectives = ["help", "safe", "verbose"] });
        manual_seed(5);
        var gate = new ObjectiveGating(model.Model.Config.Backbone.HiddenSize, 3, hiddenSize: 8, hiddenLayers: 2, temperature: 2, logitScale: 1.7);
        using (var scope = NewDisposeScope()) gate.SetInputNormalization(randn(10, model.Model.Config.Backbone.HiddenSize));
        model.SetGating(gate, model.Config with
        {
            VerbosityObjective = "verbose", VerbosityPenalties = [0.3, -0.1, 1.0], Gating = new GatingShape(8, 2, 2),
        });
        return model;
    }

    [Fact]
    public void A_gated_model_round_trips_and_scores_the_same()
    {
        using var original = Gated();
        MultiObjectiveCheckpoint.Save(original, _directory);
        Assert.True(MultiObjectiveCheckpoint.IsMultiObjective(_directory));
        using var reloaded = MultiObjectiveCheckpoint.Load(_directory);
        Assert.Equal(original.Config.Objectives, reloaded.Config.Objectives);
        Assert.Equal(original.Config.VerbosityPenalties, reloaded.Config.VerbosityPenalties);
        Assert.Equal(original.Config.Gating, reloaded.Config.Gating);
        Assert.Equal(1.7, reloaded.Gating!.Scale, 6);

        var before = MultiObjectiveScorer.Score(original, Sequences);
        var after = MultiObjectiveScorer.Score(reloaded, Sequences);
        Assert.Equal(before.Scores, after.Scores);
        Assert.Equal(before.Objectives.SelectMany(o => o), after.Objectives.SelectMany(o => o));
        // A direction scores vᵀr/‖v‖ (v = (0.6, 0, 0.8) is a unit vector) of the same objectives.
        var directed = MultiObjectiveScorer.Score(reloaded, Sequences, [0.6, 0, 0.8]);
        // Same batch, same objectives; float32 v (0.6 and 0.8 are not exact), its norm and the dot product: ≤ 10 roundings.
        Assert.Equal(before.Objectives[1][0] * 0.6 + before.Objectives[1][2] * 0.8, directed.Scores[1],
            FloatTolerance.Of(ScalarType.Float32, 10, before.Objectives[1].Sum(Math.Abs)));

        // Transformers' view: a LlamaForSequenceClassification with num_labels = 3 whose labels are the objectives;
        // PrefSharp's plain loader reads it too (stage 1 only).
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, "config.json")))!;
        Assert.Equal("LlamaForSequenceClassification", json["architectures"]![0]!.GetValue<string>());
        Assert.Equal(3, json["num_labels"]!.GetValue<int>());
        Assert.Equal("safe", json["id2label"]!["1"]!.GetValue<string>());
        Assert.Equal("multi_objective", json["prefsharp_reward_kind"]!.GetValue<string>());
        using var plain = RewardCheckpoint.Load(_directory);
        Assert.Equal(3, plain.Config.NumLabels);
    }

    [Fact]
    public void A_stage1_model_needs_a_direction_and_errors_name_the_problem()
    {
        using var model = new MultiObjectiveRewardModel(TinyRewardModels.Create("llama", labels: 2), new MultiObjectiveConfig { Objectives = ["help", "verbose"] });
        MultiObjectiveCheckpoint.Save(model, _directory);
        Assert.False(File.Exists(Path.Combine(_directory, MultiObjectiveCheckpoint.GatingFileName)));
        using var reloaded = MultiObjectiveCheckpoint.Load(_directory);
        Assert.Null(reloaded.Gating);
        var error = Assert.Throws<ArgumentException>(() => MultiObjectiveScorer.Score(reloaded, Sequences));
        Assert.Contains("help, verbose", error.Message);
        Assert.Throws<ArgumentException>(() => MultiObjectiveScorer.Score(reloaded, Sequences, [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => new MultiObjectiveRewardModel(TinyRewardModels.Create("llama", labels: 2),
            new MultiObjectiveConfig { Objectives = ["only-one"] }));
        Assert.Throws<ArgumentException>(() => new MultiObjectiveConfig { Objectives = ["a", "b"], VerbosityObjective = "c", VerbosityPenalties = [0, 1] }.Validate(2));
    }
}
