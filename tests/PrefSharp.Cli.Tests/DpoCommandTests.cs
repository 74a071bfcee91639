using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary><c>prefsharp dpo</c> end to end on a tiny random GPT-2 with the byte-level ChatML tokenizer.</summary>
public sealed class DpoCommandTests : IDisposable
{
    private const string Config = """
        {"model_type": "gpt2", "vocab_size": 259, "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 128,
         "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new", "initializer_range": 0.2, "eos_token_id": 256}
        """;

    private readonly string root = Directory.CreateTempSubdirectory("prefsharp-dpo-").FullName;
    private readonly string model;
    private readonly string data;
    private readonly string chat;

    public DpoCommandTests()
    {
        model = Path.Combine(root, "model");
        PrefSharp.Torch.Runtime.TorchRuntime.EnsureInitialized();   // as the CLI does; this constructor touches torch first
        manual_seed(11);
        using (var created = CausalLM.Create(ModelConfigJson.Parse(Config))) Checkpoint.Save(created, model);
        TokenizerFiles.SaveByteLevel(ByteLevelTokenizer.WithChatMl(), model);
        // the chosen answer is always "yes", the rejected "no": a rule the policy can learn in a few steps
        data = Path.Combine(root, "pairs.jsonl");
        File.WriteAllLines(data, Enumerable.Range(0, 8).Select(i => $$"""{"prompt": "q{{i}}?", "chosen": "yes", "rejected": "no"}"""));
        chat = Path.Combine(root, "chat.jsonl");
        File.WriteAllLines(chat, Enumerable.Range(0, 4).Select(i =>
            $$"""{"prompt": [{"role": "user", "content": "q{{i}}?"}], "chosen": [{"role": "assistant", "content": "yes"}], "rejected": [{"role": "assistant", "content": "no"}]}"""));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static double Field(string output, string name)
    {
        var text = output.Split('\n').First(l => l.StartsWith("eval:", StringComparison.Ordinal));
        var after = text[(text.IndexOf(name, StringComparison.Ordinal) + name.Length)..].TrimStart();
        return double.Parse(after.Split(',', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Training_learns_the_preference_writes_a_loadable_policy_and_resumes()
    {
        var output = Path.Combine(root, "run");
        var run = CliRun.Of("dpo", "--data", data, "--eval-data", chat, "--model", model, "--out", output, "--lr", "1e-2", "--max-steps", "4",
            "--batch-size", "4", "--save-every", "2", "--beta", "0.5", "--template", "chatml");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("4 steps", run.Output);
        Assert.Equal(1.0, Field(run.Output, "accuracy"));      // every held-out (conversational) pair prefers "yes" after training
        Assert.True(Field(run.Output, "margin") > 0);
        var final = Path.Combine(output, "final");
        using (var loaded = Checkpoint.Load(final)) Assert.Equal(259, loaded.Config.VocabSize);
        Assert.Equal(259, TokenizerFiles.Load(final).VocabularySize);

        var resumed = CliRun.Of("dpo", "--data", data, "--model", model, "--out", output, "--lr", "1e-2", "--max-steps", "6",
            "--batch-size", "4", "--save-every", "2", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("6 steps", resumed.Output);
        Assert.Contains("resumed from", resumed.Error);
    }

    [Fact]
    public void Cached_reference_writes_its_cache_and_bad_options_name_themselves()
    {
        var output = Path.Combine(root, "cached");
        var run = CliRun.Of("dpo", "--data", data, "--model", model, "--out", output, "--max-steps", "1", "--batch-size", "8",
            "--reference", "cached", "--loss", "sigmoid,sft:0.2");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(output, DpoTrainer.CacheFileName)));

        var badLoss = CliRun.Of("dpo", "--data", data, "--model", model, "--out", output, "--loss", "sigmod");
        Assert.Equal(2, badLoss.ExitCode);
        Assert.Contains("--loss: unknown loss 'sigmod'", badLoss.Error);
        var badSync = CliRun.Of("dpo", "--data", data, "--model", model, "--out", output, "--reference", "cached", "--sync-steps", "2");
        Assert.Equal(2, badSync.ExitCode);
        Assert.Contains("needs Reference = Live", badSync.Error);
    }

    [Fact]
    public void Soft_labelled_pairs_get_a_ranking_report_and_the_ches_filter_drops_its_fraction()
    {
        var soft = Path.Combine(root, "soft.jsonl");
        File.WriteAllLines(soft, Enumerable.Range(0, 8).Select(i => $$"""{"prompt": "q{{i}}?", "chosen": "yes", "rejected": "no", "label": 0.8}"""));
        var run = CliRun.Of("dpo", "--data", soft, "--model", model, "--out", Path.Combine(root, "soft"), "--max-steps", "1", "--batch-size", "4",
            "--ches-filter", "0.25", "--loss", "f_divergence", "--f-divergence", "jensen-shannon");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("CHES filter: dropped 2 of 8 pairs", run.Error);
        Assert.Contains("8 of 8 pairs soft-labelled", run.Output.Split('\n').First(l => l.StartsWith("train: ranking", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dynamic_beta_trains_on_score_margins_and_names_the_line_of_a_pair_without_one()
    {
        var scored = Path.Combine(root, "scored.jsonl");
        File.WriteAllLines(scored, Enumerable.Range(0, 4).Select(i => $$"""{"prompt": "q{{i}}?", "chosen": "yes", "rejected": "no", "score_chosen": 8, "score_rejected": {{i}}}"""));
        var run = CliRun.Of("dpo", "--data", scored, "--model", model, "--out", Path.Combine(root, "mm"), "--max-steps", "1", "--batch-size", "4",
            "--loss", "dynamic_beta", "--dynamic-beta-weight", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        var missing = CliRun.Of("dpo", "--data", data, "--model", model, "--out", Path.Combine(root, "mm2"), "--loss", "dynamic_beta");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("pairs.jsonl:1: margin:", missing.Error);
    }

    [Fact]
    public void Eval_rm_rates_a_policy_by_its_implicit_reward_against_a_reference()
    {
        // the policy is its own reference: every implicit reward is 0 (all ties, accuracy ½, margin 0), the policy ranks
        // exactly as the reference does, and with hard labels (α = 1) the DPO optimum ranks every pair right
        var run = CliRun.Of("eval-rm", "--model", model, "--reference", model, "--data", data, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(8, report.GetProperty("Pairs").GetInt32());
        Assert.Equal(0.5, report.GetProperty("RewardAccuracy").GetDouble());
        Assert.Equal(0.0, report.GetProperty("MeanRewardMargin").GetDouble());
        Assert.Equal(report.GetProperty("ReferenceRankingAccuracy").GetDouble(), report.GetProperty("RankingAccuracy").GetDouble());
        Assert.Equal(1.0, report.GetProperty("IdealisedRankingAccuracy").GetDouble());
    }

    [Fact]
    public void Unpaired_judgements_train_kto_or_apo_zero_and_other_losses_are_refused_on_them()
    {
        var unpaired = Path.Combine(root, "unpaired.jsonl");
        File.WriteAllLines(unpaired, Enumerable.Range(0, 6).Select(i =>
            $$"""{"prompt": "q{{i}}?", "completion": "{{(i % 2 == 0 ? "yes" : "no")}}", "label": {{(i % 2 == 0 ? "true" : "false")}}}"""));
        var run = CliRun.Of("dpo", "--data", unpaired, "--model", model, "--out", Path.Combine(root, "kto"), "--max-steps", "2", "--batch-size", "3",
            "--loss", "kto_pair", "--kto-undesirable-weight", "1.2");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("KTO: 3 desirable, 3 undesirable", run.Error);
        Assert.True(File.Exists(Path.Combine(root, "kto", "final", "model.safetensors")));
        var apo = CliRun.Of("dpo", "--data", unpaired, "--model", model, "--out", Path.Combine(root, "apo"), "--max-steps", "1", "--batch-size", "3",
            "--loss", "apo_zero");
        Assert.True(apo.ExitCode == 0, apo.Error);
        Assert.Contains("APO-zero: 3 desirable, 3 undesirable", apo.Error);
        var sigmoid = CliRun.Of("dpo", "--data", unpaired, "--model", model, "--out", Path.Combine(root, "kto2"));
        Assert.NotEqual(0, sigmoid.ExitCode);
        Assert.Contains("use --loss kto_pair or --loss apo_zero", sigmoid.Error);
    }
}
