using System.Diagnostics;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Training throughput of the shared loop (<see cref="Trainer{TBatch}"/> with the SFT objective) on a Llama-style decoder
/// of about 25M parameters (d = 512, 6 layers, 8 heads, MLP 1408, vocab 8192, untied), sequences of 256 tokens, batch 2,
/// in float32 and then bfloat16 (float32 masters and moments) in the same run.
/// Model FLOPs per step (Kaplan et al. 2020, §2.1; PaLM, Chowdhery et al. 2022, Appendix B):
/// 6·N·D for D tokens, N = parameters that take part in matrix products (every linear layer and the output projection;
/// not the embedding lookup nor the norm gains), plus attention 12·L·d·T² per sequence (QKᵀ and AV: 2·2·T²·d per
/// layer forward, ×3 with the backward pass; the causal half is counted, as in PaLM's MFU).
/// value = model FLOP/s, bound = the matmul FLOP/s of the same type measured in the same run (<see cref="MatmulPeak"/>), ratio = MFU.
/// </summary>
public sealed class TrainThroughputBenchmark : IBenchmark
{
    private const int Batch = 2;
    private const int Length = 256;
    private const int MeasuredSteps = 3;

    public string Name => "train-throughput";

    public string Description => "model FLOP/s of SFT training steps, ~25M Llama, T = 256, fp32 and bf16 (value) vs the matmul peak of the same type (bound); ratio = MFU, target >= 0.6";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var config = ModelConfigJson.Parse("""
            {"model_type": "llama", "vocab_size": 8192, "hidden_size": 512, "intermediate_size": 1408,
             "num_hidden_layers": 6, "num_attention_heads": 8, "num_key_value_heads": 8,
             "max_position_embeddings": 512, "initializer_range": 0.02, "tie_word_embeddings": false}
            """);
        var full = Measure(config, ScalarType.Float32, context);
        var reduced = Measure(config, ScalarType.BFloat16, context);
        context.Log($"bf16 / fp32 training throughput: {reduced / full:F2}");
        var peak = MatmulPeak.MeasureGflops();
        var reducedPeak = MatmulPeak.MeasureGflops(dtype: ScalarType.BFloat16);
        context.Log($"matmul peak: fp32 {peak:F1} GFLOP/s, bf16 {reducedPeak:F1} GFLOP/s");
        yield return new BenchResult(Name, "model_gflops", full, "GFLOP/s", peak, full / peak);
        yield return new BenchResult(Name, "model_gflops_bf16", reduced, "GFLOP/s", reducedPeak, reduced / reducedPeak);
    }

    /// <summary>Model GFLOP/s of <see cref="MeasuredSteps"/> steps after a warm-up step, with the model in <paramref name="dtype"/>.</summary>
    private static double Measure(ModelConfig config, ScalarType dtype, BenchContext context)
    {
        manual_seed(context.Seed);
        using var model = CausalLM.Create(config, new ComputeTarget(CPU, dtype));
        var matmulParameters = model.Module.named_parameters()
            .Where(p => p.parameter.dim() == 2 && !p.name.Contains("embed_tokens", StringComparison.Ordinal))
            .Sum(p => p.parameter.numel());
        var totalParameters = model.Module.parameters().Sum(p => p.numel());
        var name = ComputeDTypes.Name(dtype);
        context.Log($"{name}: {totalParameters / 1e6:F1}M parameters, {matmulParameters / 1e6:F1}M in matrix products; {get_num_threads()} intra-op threads");

        var random = new Random(context.Seed);
        var examples = Enumerable.Range(0, Batch * (MeasuredSteps + 1)).Select(_ =>
        {
            var ids = Enumerable.Range(0, Length).Select(_ => random.Next(config.VocabSize)).ToArray();
            return TokenizedSequence.PromptCompletion(ids[..1], ids[1..]);
        }).ToList();
        var options = new TrainingOptions
        {
            MaxSteps = MeasuredSteps + 1, MicroBatchSize = Batch, LogEvery = 1, CheckpointEvery = 0, KeepLastCheckpoints = 1,
            OutputDirectory = Path.Combine(context.ScratchDirectory, name), Seed = context.Seed,
        };
        var source = new MicroBatchSource<TokenizedSequence, SequenceBatch>(examples, b => SequenceBatch.Collate(b, 0), Batch, context.Seed);
        using var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model), new SftObjective(model), source, options,
            countTokens: SftObjective.CountTokens, progress: new ProgressReporter(Console.Error, inPlace: false));
        var stepEnds = new List<double>();
        var clock = Stopwatch.StartNew();
        trainer.StepCompleted += _ => stepEnds.Add(clock.Elapsed.TotalSeconds);
        trainer.Run();
        var seconds = stepEnds[^1] - stepEnds[0];   // the first step is a warm-up
        var tokens = (double)Batch * Length * MeasuredSteps;
        var flops = 6.0 * matmulParameters * tokens + 12.0 * config.NumLayers * config.HiddenSize * Length * (double)Length * Batch * MeasuredSteps;
        var achieved = flops / seconds / 1e9;
        context.Log($"{name} step times: " + string.Join(", ", stepEnds.Zip(stepEnds.Skip(1), (a, b) => $"{b - a:F2} s")));
        context.Log($"{name}: {MeasuredSteps} steps of {Batch}×{Length} tokens in {seconds:F2} s = {tokens / seconds:F0} tokens/s, {achieved:F1} GFLOP/s");
        Profile(model, trainer, source, context, seconds / MeasuredSteps);
        return achieved;
    }

    /// <summary>Where a step's time goes: forward alone, forward + backward, clipping + AdamW, each the fastest of 3 runs on one batch.</summary>
    private static void Profile(ICausalLM model, Trainer<SequenceBatch> trainer, IMicroBatchSource<SequenceBatch> source,
        BenchContext context, double stepSeconds)
    {
        using var scope = NewDisposeScope();
        var batch = source.Next();
        var objective = new SftObjective(model);
        double Fastest(Action action) => Enumerable.Range(0, 3).Min(_ =>
        {
            using var inner = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalSeconds;
        });
        var forward = Fastest(() => { using (no_grad()) objective.Compute(batch); });
        var forwardBackward = Fastest(() => objective.Compute(batch).Sum.backward());
        var optimizer = Fastest(() =>
        {
            PrefSharp.Torch.Training.Optimization.GradientClipping.ClipGradients(trainer.Optimizer.Gradients, 1.0);
            trainer.Optimizer.Step(1e-5);
        });
        context.Log($"profile (fastest of 3): step {stepSeconds:F2} s; forward {forward:F2} s, backward {forwardBackward - forward:F2} s, "
            + $"clip + AdamW {optimizer:F2} s, rest of the loop {stepSeconds - forwardBackward - optimizer:F2} s");
    }
}
