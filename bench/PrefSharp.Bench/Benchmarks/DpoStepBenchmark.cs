using PrefSharp.Torch.Training.Dpo;
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
/// Cost of a DPO step relative to an SFT step on the same tokens, in one run: a Llama-style decoder (d = 192,
/// 3 layers, vocab 2048, ~1.9M parameters), 4 pairs of 96 tokens (24 prompt + 72 response) per step; the SFT step trains on
/// the same 8 sequences. Three trainers built from identical weights (SFT; DPO with a live frozen reference; DPO with
/// reference log-probs cached before training) take their steps round-robin, one step each per round, so that load
/// on the machine hits all three alike. libtorch runs one intra-op thread, so a step's CPU time is its work, whatever
/// else the machine runs; the reported figure is the median CPU seconds per step over the measured rounds, with the
/// fastest wall-clock step of each mode logged beside it.
/// A live reference adds one forward pass without gradient (≈ 1/3 of a forward + backward), hence the targets:
/// live / SFT ≤ 1.4, cached / SFT ≤ 1.05.
/// </summary>
public sealed class DpoStepBenchmark : IBenchmark
{
    private const int Pairs = 4;
    private const int Prompt = 24;
    private const int Response = 72;
    private const int Rounds = 30;   // the first is a warm-up

    public string Name => "dpo-step";

    public string Description => "CPU seconds per DPO step (live reference; cached reference) vs an SFT step on the same tokens (bound); targets ratio <= 1.4 live, <= 1.05 cached";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        // one intra-op thread: on a shared 2-core machine, two libtorch threads spin-wait on each other and a step's time
        // then measures the other processes; one thread measures the work
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            foreach (var result in Measure(context)) yield return result;
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private IEnumerable<BenchResult> Measure(BenchContext context)
    {
        var config = ModelConfigJson.Parse("""
            {"model_type": "llama", "vocab_size": 2048, "hidden_size": 192, "intermediate_size": 512,
             "num_hidden_layers": 3, "num_attention_heads": 3, "num_key_value_heads": 3,
             "max_position_embeddings": 256, "initializer_range": 0.02, "tie_word_embeddings": false}
            """);
        var random = new Random(context.Seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(config.VocabSize)).ToArray();
        var pairs = Enumerable.Range(0, Pairs).Select(_ =>
        {
            var prompt = Tokens(Prompt);
            return new TokenizedPair(TokenizedSequence.PromptCompletion(prompt, Tokens(Response)), TokenizedSequence.PromptCompletion(prompt, Tokens(Response)));
        }).ToList();
        var sequences = pairs.SelectMany(p => new[] { p.Chosen, p.Rejected }).ToList();
        TrainingOptions Options(string name, int batch) => new()
        {
            MaxSteps = Rounds + 1, MicroBatchSize = batch, LogEvery = 1000, CheckpointEvery = 0, KeepLastCheckpoints = 1, Seed = context.Seed,
            OutputDirectory = Path.Combine(context.ScratchDirectory, name),
        };
        ICausalLM Model()
        {
            manual_seed(context.Seed);
            return CausalLM.Create(config);
        }
        using var sftModel = Model();
        using var liveModel = Model();
        using var cachedModel = Model();
        var silent = ProgressReporter.Silent;
        var sftSource = new MicroBatchSource<TokenizedSequence, SequenceBatch>(sequences, b => SequenceBatch.Collate(b, 0), 2 * Pairs, context.Seed, shuffle: false);
        using var sft = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(sftModel), new SftObjective(sftModel), sftSource, Options("sft", 2 * Pairs), progress: silent);
        using var live = new DpoTrainer(liveModel, pairs, 0, new DpoOptions(), Options("live", Pairs), progress: silent);
        var cacheClock = Stopwatch.StartNew();
        using var cached = new DpoTrainer(cachedModel, pairs, 0, new DpoOptions { Reference = ReferenceMode.Cached }, Options("cached", Pairs), progress: silent);
        context.Log($"reference cache for {pairs.Count} pairs built in {cacheClock.Elapsed.TotalSeconds:F2} s (once, before training); {get_num_threads()} intra-op threads");

        var times = new Dictionary<string, List<(double Wall, double Cpu)>> { ["sft"] = [], ["live"] = [], ["cached"] = [] };
        for (var round = 0; round < Rounds; round++)
        {
            times["sft"].Add(OneStep(sft));
            times["live"].Add(OneStep(live.Trainer));
            times["cached"].Add(OneStep(cached.Trainer));
        }
        double Median(string mode)
        {
            var measured = times[mode].Skip(1).Select(t => t.Cpu).Order().ToArray();
            return measured[measured.Length / 2];
        }
        double Fastest(string mode) => times[mode].Skip(1).Min(t => t.Wall);
        foreach (var (mode, list) in times)
            context.Log($"{mode}: median CPU {Median(mode):F3} s, fastest wall clock {Fastest(mode):F3} s (×{Fastest(mode) / Fastest("sft"):F2} of SFT)");
        var (sftSeconds, liveSeconds, cachedSeconds) = (Median("sft"), Median("live"), Median("cached"));
        context.Log($"median CPU s/step: SFT {sftSeconds:F3}, DPO live {liveSeconds:F3} (×{liveSeconds / sftSeconds:F2}, target ≤ 1.4), "
            + $"DPO cached {cachedSeconds:F3} (×{cachedSeconds / sftSeconds:F2}, target ≤ 1.05)");
        yield return new BenchResult(Name, "dpo_live_cpu_seconds_per_step", liveSeconds, "s", sftSeconds, liveSeconds / sftSeconds);
        yield return new BenchResult(Name, "dpo_cached_cpu_seconds_per_step", cachedSeconds, "s", sftSeconds, cachedSeconds / sftSeconds);
    }

    /// <summary>Wall-clock and process CPU seconds of exactly one optimiser step: the run is cancelled from the step's own event.</summary>
    private static (double Wall, double Cpu) OneStep<TBatch>(Trainer<TBatch> trainer) where TBatch : IDisposable
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        using var cancellation = new CancellationTokenSource();
        void Stop(StepReport _) => cancellation.Cancel();
        trainer.StepCompleted += Stop;
        var clock = Stopwatch.StartNew();
        trainer.Run(cancellation.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        trainer.StepCompleted -= Stop;
        return (seconds, cpu);
    }
}
