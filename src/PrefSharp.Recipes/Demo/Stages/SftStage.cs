using System.Globalization;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The demo's "sft" stage: trains a BPE for the world (<see cref="GymTokenizer"/>), builds a tiny Llama-style decoder
/// from scratch (<see cref="SftSettings"/>), fine-tunes it by maximum likelihood (<see cref="SftObjective"/>, the shared
/// <see cref="Trainer{TBatch}"/>) on prompt → response pairs of the world's better demonstrations (quality ≥
/// <see cref="SftSettings.MinQuality"/>: the run's own, topped up with fresh draws), and saves the policy folder
/// (config.json, model.safetensors, tokenizer.json) as <see cref="DemoProducts.SftCheckpoint"/> and policy "sft". It reports
/// the gold utility of the policy's samples on the held-out prompts against that of the untrained decoder (gold_before).
/// </summary>
public sealed class SftStage(SftSettings? settings = null) : IDemoStage
{

    public string Name => "sft";

    public DemoStage Run(DemoContext context)
    {
        var s = (settings ?? (context.Quick ? SftSettings.Quick : SftSettings.Default)).Validate();
        var folder = context.StageFolder(Name);
        using var threads = IntraOpThreadLimit.To(s.Threads);
        var data = Demonstrations(context, s);
        var choice = GymTokenizer.Choose(context.Samples.Select(x => (x.Prompt, x.Response)).Concat(data.Select(d => (d.Prompt, d.Response))), s.VocabularySize);
        var tokenizer = choice.Tokenizer;
        var template = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
        var eos = tokenizer.EosId!.Value;
        var sequences = data.Select(d => GymText.Example(template, d.Prompt, d.Response)).ToList();
        var heldOutCount = Math.Max(1, sequences.Count / 10);
        var train = sequences.Skip(heldOutCount).ToList();
        var heldOut = sequences.Take(heldOutCount).ToList();

        manual_seed(context.Seed);
        using var model = CausalLM.Create(s.ModelConfig(tokenizer.VocabularySize, eos));
        var parameters = model.Module.parameters().Sum(p => p.numel());
        var prompts = context.HeldOutPrompts();
        using var untrained = new PolicySampler(model, tokenizer);
        var before = PolicyScorecard.Score(untrained, untrained, context.World, prompts, s.SamplesPerPrompt, context.Seed + 11);
        var initial = Path.Combine(folder, "init");
        Checkpoint.Save(model, initial);
        choice.Save(initial);

        var losses = new List<double>();
        var options = new TrainingOptions
        {
            MaxSteps = s.Steps, MicroBatchSize = s.BatchSize, LearningRate = s.LearningRate, WarmupSteps = Math.Max(1, s.Steps / 10),
            LogEvery = 10, CheckpointEvery = 0, KeepLastCheckpoints = 1, Seed = context.Seed, MaxSequenceLength = 128,
            OutputDirectory = Path.Combine(folder, "train"),
        };
        TrainingResult result;
        using (var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model), new SftObjective(model),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(train, b => SequenceBatch.Collate(b, eos), s.BatchSize, context.Seed),
            options, new MicroBatchSource<TokenizedSequence, SequenceBatch>(heldOut, b => SequenceBatch.Collate(b, eos), 64, 0, shuffle: false),
            SftObjective.CountTokens, ProgressReporter.Silent))
        {
            trainer.StepCompleted += step => losses.Add(step.Loss);
            result = trainer.Run();
        }

        var policyFolder = Path.Combine(folder, "policy");
        Checkpoint.Save(model, policyFolder);
        choice.Save(policyFolder);
        context.Products.SftCheckpoint = policyFolder;
        context.RegisterPolicy(Name, policyFolder);

        using var policy = PolicySampler.Load(policyFolder);
        using var reference = PolicySampler.Load(initial);
        var after = PolicyScorecard.Score(policy, reference, context.World, prompts, s.SamplesPerPrompt, context.Seed + 11);
        return Row(context, s, data, result, losses, before, after, parameters, choice, train.Count, heldOut.Count);
    }

    /// <summary>The run's demonstrations of quality ≥ MinQuality, topped up with fresh ones at those levels to <c>Examples</c>.</summary>
    private static List<GymSample> Demonstrations(DemoContext context, SftSettings s)
    {
        var levels = GymSampler.DefaultQualities.Where(q => q >= s.MinQuality).ToList();
        if (levels.Count == 0) levels = [GymSampler.DefaultQualities[^1]];
        var names = levels.Select(GymSampler.PolicyName).ToHashSet(StringComparer.Ordinal);
        var data = context.Samples.Where(x => names.Contains(x.Policy)).Take(s.Examples).ToList();
        if (data.Count < s.Examples)
            data.AddRange(GymSampler.Sample(context.World, s.Examples - data.Count, 1, unchecked(context.Seed + 31), levels));
        new Random(context.Seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data));
        return data;
    }

    private DemoStage Row(DemoContext context, SftSettings s, List<GymSample> data, TrainingResult result, List<double> losses,
        PolicyScore before, PolicyScore after, long parameters, GymTokenizerChoice choice, int trainCount, int heldOutCount)
    {
        var vocabulary = choice.Tokenizer.VocabularySize;
        var heldOutLoss = result.LastEvaluation?.Loss ?? double.NaN;
        var accuracy = result.LastEvaluation?.Metrics.GetValueOrDefault(SftObjective.TokenAccuracy) ?? double.NaN;
        var demoGold = data.Average(d => d.GoldUtility);
        var metrics = after.ToMetrics();
        metrics.Remove("kl");
        metrics["gold_before"] = before.GoldUtility;
        metrics["gold_demonstrations"] = demoGold;
        metrics["kl_from_init"] = after.Kl;
        metrics["heldout_loss"] = heldOutLoss;
        metrics["heldout_token_accuracy"] = accuracy;
        metrics["train_loss"] = result.LastLoss;
        metrics["parameters"] = parameters;
        metrics["vocabulary"] = vocabulary;
        metrics["examples"] = trainCount;
        metrics["steps"] = result.Step;
        var tokenizerText = choice.Kind == "bpe"
            ? $"A byte-level BPE of {vocabulary} ids was trained on the world's texts (every word one token)"
            : $"The byte-level tokenizer ({vocabulary} ids) was kept (a BPE would merge inside the world's open set of strings)";
        var narrative = tokenizerText + string.Create(CultureInfo.InvariantCulture,
            $" and a {s.Layers}-layer Llama-style decoder of width {s.Width} ({parameters / 1000.0:F0}K parameters) was built from scratch, " +
            $"then fine-tuned for {result.Step} steps (batch {s.BatchSize}) on {trainCount:N0} prompt → response demonstrations of quality ≥ {s.MinQuality:0.##} " +
            $"(mean gold {demoGold:F2}). Held-out loss {heldOutLoss:F3} nats/token (token accuracy {accuracy:P0}). " +
            $"On {after.Samples.Count / s.SamplesPerPrompt} held-out prompts ({s.SamplesPerPrompt} samples each, temperature 1) " +
            $"its samples score a gold utility of {after.GoldUtility:F2}, against {before.GoldUtility:F2} for the untrained decoder; " +
            $"distinct-2 {after.Distinct2:F2}, {after.MeanWords:F1} words per response, KL {after.Kl:F1} nats from the untrained decoder. " +
            $"This policy is the reference (KL 0) of every later stage.");
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sft: held-out loss {heldOutLoss:F3}, gold {before.GoldUtility:F2} (untrained) → {after.GoldUtility:F2}"));
        return new DemoStage
        {
            Name = Name,
            Status = DemoStageStatus.Ok,
            GoldUtility = after.GoldUtility,
            Kl = 0,
            Metrics = metrics,
            Narrative = narrative,
            Charts = [new DemoChart("SFT: training loss per step", "step", "loss (nats/token)", [DemoSeries.OfSteps("train loss", losses)])],
        };
    }
}
