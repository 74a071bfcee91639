using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

public sealed class ChesFilterTests
{
    private static List<TokenizedPair> Pairs(int count, int seed)
    {
        var random = new Random(seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 64)).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = Tokens(3);
            return new TokenizedPair(TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(2, 5))),
                TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(2, 5))));
        }).ToList();
    }

    [Fact]
    public void Drop_removes_the_highest_scores_and_keeps_the_order()
    {
        // ⌊0.4·5⌋ = 2 dropped: the scores 9 (index 1) and 7 (index 3)
        string[] pairs = ["a", "b", "c", "d", "e"];
        Assert.Equal(["a", "c", "e"], ChesFilter.Drop(pairs, [1.0, 9, -3, 7, 2], 0.4));
        Assert.Equal(pairs, ChesFilter.Drop(pairs, [1.0, 9, -3, 7, 2], 0.1));
        Assert.Throws<ArgumentException>(() => ChesFilter.Drop(pairs, [1.0, 9, -3, 7, 2], 1.0));
    }

    [Fact]
    public void Scores_sum_the_hidden_states_that_predict_each_response_token()
    {
        using var model = TinyConfigs.Create("llama", seed: 3);
        var pairs = Pairs(3, seed: 2);
        var scores = ChesFilter.Scores(model, pairs, padId: 0, batchSize: 2, lengthNormalised: false);
        using var noGrad = no_grad();
        for (var i = 0; i < pairs.Count; i++)
        {
            using var scope = NewDisposeScope();
            // position t predicts token t + 1: sum the hidden states at positions whose next token is scored
            Tensor Pooled(TokenizedSequence side)
            {
                var batch = SequenceBatch.Collate([side], 0);
                var hidden = model.forward_hidden(batch.InputIds, batch.AttentionMask)[0].to(ScalarType.Float64);   // (T, d)
                var next = batch.LossMask[0].narrow(0, 1, side.Ids.Count - 1).to(ScalarType.Float64);
                return (hidden.narrow(0, 0, side.Ids.Count - 1) * next.unsqueeze(-1)).sum(dim: 0);
            }
            var chosen = Pooled(pairs[i].Chosen);
            var rejected = Pooled(pairs[i].Rejected);
            var expected = ((chosen * rejected).sum() - (chosen * chosen).sum()).item<double>();
            // float32 hidden states from padded vs unpadded rows: relative rounding of one decoder chain times the pooled magnitude
            var tolerance = FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(model.Config, 8), (chosen * chosen).sum().item<double>());
            Assert.Equal(expected, scores[i], tolerance);
        }
    }

    [Fact]
    public void The_trainer_drops_the_highest_ches_fraction_before_training()
    {
        var root = Directory.CreateTempSubdirectory("dpo-ches-").FullName;
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        var pairs = Pairs(10, seed: 5);
        var options = new DpoOptions { ChesFilterFraction = 0.3 };
        var training = new TrainingOptions { MaxSteps = 1, MicroBatchSize = 4, CheckpointEvery = 0, LogEvery = 100, OutputDirectory = root };
        using var trainer = new DpoTrainer(policy, pairs, 0, options, training, progress: ProgressReporter.Silent);
        Assert.Equal(3, trainer.ChesDropped);
        Assert.Throws<ArgumentException>(() => new DpoOptions { ChesFilterFraction = 1 }.Validate());
        Directory.Delete(root, recursive: true);
    }
}
