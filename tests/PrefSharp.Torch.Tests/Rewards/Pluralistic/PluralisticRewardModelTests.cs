using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tests.Rewards;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward.Pluralistic;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards.Pluralistic;

/// <summary>PAL and MiCRo models: two users with opposite tastes, a new user's mixture from a few pairs, a checkpoint round trip.</summary>
public sealed class PluralisticRewardModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-plural-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PluralisticRewardModel Create(PluralisticKind kind, int seed = 5)
    {
        var width = kind == PluralisticKind.Pal ? 4 : 2;
        var model = TinyRewardModels.Create("gpt2", labels: width, seed: seed);
        return new PluralisticRewardModel(model, new PluralisticHead(kind, 2, width, model.Config.Backbone.HiddenSize, ["a", "b"]));
    }

    private static TokenizedSequence Seq(int completion) => TokenizedSequence.PromptCompletion([1, 4], [completion, 2]);

    /// <summary>
    /// User a prefers completion 5 to 6 and 7, user b the reverse: one scalar reward orders at most half of these pairs
    /// right (each pair appears with both orders). A personalised model orders all four right, each with P ≥ σ(0.2).
    /// </summary>
    private static List<UserPair> Opposites() =>
    [
        new(new TokenizedPair(Seq(5), Seq(6)), 0), new(new TokenizedPair(Seq(6), Seq(5)), 1),
        new(new TokenizedPair(Seq(5), Seq(7)), 0), new(new TokenizedPair(Seq(7), Seq(5)), 1),
    ];

    [Theory]
    [InlineData(PluralisticKind.Pal)]
    [InlineData(PluralisticKind.Micro)]
    public void Two_users_with_opposite_tastes_are_both_fitted(PluralisticKind kind)
    {
        using var model = Create(kind);
        var pairs = Opposites();
        PluralisticTraining.Train(model, Enumerable.Repeat(pairs, 6).SelectMany(p => p).ToList(), null,
            new TrainingOptions { LearningRate = 3e-3, MaxSteps = 60, MicroBatchSize = 8, Seed = 1, CheckpointEvery = 0, LogEvery = 60, OutputDirectory = _directory });
        var logits = PluralisticTraining.Logits(model, pairs, 8);
        Assert.All(logits, l => Assert.True(l > 0.2, $"logits {string.Join(", ", logits.Select(x => x.ToString("F2")))}"));
    }

    [Fact]
    public void A_new_users_pal_weights_go_to_the_prototype_their_choices_point_at()
    {
        using var scope = NewDisposeScope();
        using var model = Create(PluralisticKind.Pal);
        using (no_grad()) model.Head.Mixture.copy_(tensor(new float[,] { { 1, 0, 0, 0 }, { -1, 0, 0, 0 } }));
        // Chosen embeddings sit at p2 = (−1, 0, 0, 0), rejected ones at p1 = (1, 0, 0, 0): only w = e_2 explains every pair.
        var chosen = tensor(new float[,] { { -1, 0, 0, 0 }, { -1, 0.5f, 0, 0 }, { -0.8f, 0, 0, 0 } });
        var rejected = tensor(new float[,] { { 1, 0, 0, 0 }, { 1, 0, 0.5f, 0 }, { 0.9f, 0, 0, 0 } });
        var logits = UserWeightFit.Fit(model, new PairOutputs(chosen, rejected, zeros(3, model.Model.Config.Backbone.HiddenSize)));
        var weights = logits.softmax(0).data<float>().ToArray();
        Assert.True(weights[1] > 0.95, $"weights {weights[0]:F3}, {weights[1]:F3}");
    }

    [Fact]
    public void Unknown_users_get_zero_logits()
    {
        using var scope = NewDisposeScope();
        using var model = Create(PluralisticKind.Micro);
        Assert.Equal(-1, model.Head.UserIndex("nobody"));
        Assert.Equal(-1, model.Head.UserIndex(null));
        var logits = model.Head.UserLogits(tensor(new long[] { 1, -1 }));
        Assert.Equal(new float[] { 0, 0 }, logits[1].data<float>().ToArray());
        Assert.NotEqual(0f, logits[0].abs().sum().item<float>());
    }

    [Theory]
    [InlineData(PluralisticKind.Pal)]
    [InlineData(PluralisticKind.Micro)]
    public void A_saved_model_reloads_with_the_same_users_and_logits(PluralisticKind kind)
    {
        using var original = Create(kind);
        PluralisticCheckpoint.Save(original, _directory);
        Assert.True(PluralisticCheckpoint.IsPluralistic(_directory));
        using var reloaded = PluralisticCheckpoint.Load(_directory);
        Assert.Equal(kind, reloaded.Head.Kind);
        Assert.Equal(["a", "b"], reloaded.Head.Users);
        var pairs = Opposites();
        Assert.Equal(PluralisticTraining.Logits(original, pairs, 4), PluralisticTraining.Logits(reloaded, pairs, 4));
    }
}
