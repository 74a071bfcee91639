using System.Text.Json;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>The SFT loss is the NLL summed over scored tokens, and training on a counting corpus learns the rule.</summary>
public sealed class SftObjectiveTests
{
    [Fact]
    public void Weight_counts_scored_tokens_and_the_sum_is_the_scored_NLL()
    {
        using var model = TinyConfigs.Create("qwen2", seed: 8);
        // Row 0: prompt 2 + completion 3 → 3 scored; row 1: prompt 1 + completion 1 → 1 scored (and 3 padding).
        List<TokenizedSequence> sequences = [TokenizedSequence.PromptCompletion([5, 6], [7, 8, 9]), TokenizedSequence.PromptCompletion([10], [11])];
        using var scope = NewDisposeScope();
        var batch = SequenceBatch.Collate(sequences, padId: 0);
        var objective = new SftObjective(model);
        Assert.Equal(4.0, objective.Weight(batch));
        var loss = objective.Compute(batch);

        // Reference: log-softmax of each row run alone, summed over its completion positions.
        double expected = 0;
        foreach (var sequence in sequences)
        {
            var ids = tensor(sequence.Ids.Select(i => (long)i).ToArray()).unsqueeze(0);
            var logProbs = model.forward(ids).Logits.log_softmax(-1)[0];                     // (T, V)
            for (var t = 1; t < sequence.Ids.Count; t++)
                if (sequence.LossMask[t]) expected -= logProbs[t - 1, sequence.Ids[t]].item<float>();
        }
        Assert.Equal(expected, loss.Sum.item<float>(), FloatTolerance.Of(ScalarType.Float32,
            FloatTolerance.DecoderOperations(model.Config, sequences.Max(s => s.Ids.Count)), expected));
        Assert.InRange(loss.MetricSums[SftObjective.TokenAccuracy], 0, 4);
    }

    [Fact]
    public void Training_a_tiny_model_on_the_counting_corpus_drives_held_out_loss_far_below_the_untrained_loss()
    {
        var output = Directory.CreateTempSubdirectory("sft-").FullName;
        var options = new TrainingOptions
        {
            LearningRate = 1e-2, WarmupSteps = 5, MaxSteps = 60, MicroBatchSize = 16, WeightDecay = 0.0,
            EvalEvery = 30, LogEvery = 10, CheckpointEvery = 0, KeepLastCheckpoints = 1, OutputDirectory = output, Seed = 1,
        };
        using var model = TinyConfigs.Create("llama", seed: 4);
        using var trainer = TrainerTests.NewTrainer(model, options, CountingCorpus.Make(256, seed: 2), CountingCorpus.Make(32, seed: 3));
        var untrained = trainer.Evaluate().Loss;
        var result = trainer.Run();
        var trained = result.LastEvaluation!.Loss;
        // Untrained: about ln 64 ≈ 4.2 nats or worse (measured 4.84). After 60 steps the rule "next = previous + 1" is
        // learnt (measured 0.022, token accuracy 1.0); the bounds leave a wide margin.
        Assert.True(untrained > 3.5, $"untrained held-out loss {untrained}");
        Assert.True(trained < 0.1, $"held-out loss {trained} after 60 steps (untrained {untrained})");
        Assert.True(trained < untrained / 20, $"held-out loss fell only from {untrained} to {trained}");
        Assert.True(result.LastEvaluation.Metrics[SftObjective.TokenAccuracy] > 0.9);

        // Logs: train lines at steps 10, 20, …, 60 and eval lines at 30 and 60; a TensorBoard file framed correctly.
        var lines = File.ReadAllLines(Path.Combine(output, MetricsJsonlWriter.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([10L, 20, 30, 40, 50, 60], lines.Where(l => l.GetProperty("split").GetString() == "train").Select(l => l.GetProperty("step").GetInt64()));
        Assert.Equal([30L, 60], lines.Where(l => l.GetProperty("split").GetString() == "eval").Select(l => l.GetProperty("step").GetInt64()));
        var events = File.ReadAllBytes(Directory.GetFiles(output, "events.out.tfevents.*").Single());
        var length = (int)BitConverter.ToUInt64(events, 0);
        Assert.Equal(Crc32C.Masked(events.AsSpan(12, length)), BitConverter.ToUInt32(events, 12 + length));
        Assert.True(File.Exists(Path.Combine(output, "checkpoint-60", "model.safetensors")));
        Directory.Delete(output, recursive: true);
    }
}
