using System.CommandLine;
using PrefSharp.Cli;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// One set of training flags across sft, dpo, train-rm and grpo: the same names in every verb, the old per-verb names
/// gone, each verb's defaults as they were before the flags were shared, and bad values reported under the flag's name.
/// </summary>
public sealed class TrainingFlagsTests
{
    private static readonly string[] Verbs = ["sft", "dpo", "train-rm", "grpo"];

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["sft"] = ["--data", "d", "--out", "o", "--preset", "tiny"],
        ["dpo"] = ["--data", "d", "--model", "m", "--out", "o"],
        ["train-rm"] = ["--data", "d", "--out", "o"],
        ["grpo"] = ["--prompts", "p", "--model", "m", "--reward", "gym:sorting", "--out", "o"],
    };

    private static Command Verb(string name) => CliApp.BuildRoot().Subcommands.Single(c => c.Name == name);

    private static ParseResult Parse(string verb, params string[] extra) => Verb(verb).Parse([.. Required[verb], .. extra]);

    [Fact]
    public void Every_training_verb_offers_the_shared_names_and_none_the_old_ones()
    {
        string[] shared = ["--lr", "--max-steps", "--seed", "--log-every", "--save-every", "--keep-last", "--max-grad-norm", "--warmup"];
        foreach (var verb in Verbs)
        {
            var names = Verb(verb).Options.Select(o => o.Name).ToHashSet();
            foreach (var flag in shared) Assert.True(names.Contains(flag), $"{verb} lacks {flag}");
            foreach (var old in new[] { "--steps", "--checkpoint-every", "--learning-rate" }) Assert.False(names.Contains(old), $"{verb} still has {old}");
            Assert.Empty(Parse(verb).Errors);
        }
        // The offline trainers take the whole set; grpo only the subset that applies to an online run.
        foreach (var verb in new[] { "sft", "dpo", "train-rm" })
            foreach (var flag in new[] { "--epochs", "--batch-size", "--grad-accum", "--schedule", "--min-lr-ratio", "--weight-decay", "--eval-every", "--max-length" })
                Assert.Contains(flag, Verb(verb).Options.Select(o => o.Name));
        Assert.NotEmpty(Parse("grpo", "--epochs", "2").Errors);
        Assert.NotEmpty(Parse("dpo", "--steps", "3").Errors);
        Assert.NotEmpty(Parse("grpo", "--learning-rate", "1e-5").Errors);
    }

    [Theory]
    // verb, --lr, --max-steps, --log-every, --save-every, --keep-last: each verb's defaults from before the flags were
    // shared (sft: TrainingOptions' record defaults; dpo: lr 5e-6; train-rm: lr chosen later from --model, log every 10,
    // only the final checkpoint; grpo: GrpoTrainerOptions' TRL defaults, lr 1e-6, 100 rollout steps, log every step).
    [InlineData("sft", 1e-4, null, 10, 500, 3)]
    [InlineData("dpo", 5e-6, null, 10, 500, 3)]
    [InlineData("train-rm", null, null, 10, 0, 1)]
    [InlineData("grpo", 1e-6, 100, 1, 500, 3)]
    public void Each_verb_keeps_its_defaults(string verb, double? lr, int? maxSteps, int logEvery, int saveEvery, int keepLast)
    {
        var parse = Parse(verb);
        Assert.Equal(lr, parse.GetValue<double?>("--lr"));
        Assert.Equal(maxSteps, parse.GetValue<int?>("--max-steps"));
        Assert.Equal(logEvery, parse.GetValue<int>("--log-every"));
        Assert.Equal(saveEvery, parse.GetValue<int>("--save-every"));
        Assert.Equal(keepLast, parse.GetValue<int>("--keep-last"));
        Assert.Equal(42, parse.GetValue<int>("--seed"));
        Assert.Equal(1.0, parse.GetValue<double>("--max-grad-norm"));
        Assert.Equal(0, parse.GetValue<int>("--warmup"));
        if (verb != "grpo") Assert.Equal(verb == "train-rm" ? 256 : 1024, parse.GetValue<int>("--max-length"));
    }

    [Fact]
    public void The_batch_unit_is_described_per_verb()
    {
        string Describe(string verb) => Verb(verb).Options.Single(o => o.Name == "--batch-size").Description!;
        Assert.StartsWith("Examples per micro-batch", Describe("sft"));
        Assert.StartsWith("Pairs per micro-batch", Describe("dpo"));
        Assert.StartsWith("Pairs per micro-batch", Describe("train-rm"));
        Assert.StartsWith("Rollout steps", Verb("grpo").Options.Single(o => o.Name == "--max-steps").Description!);
    }

    [Fact]
    public void A_value_out_of_range_is_reported_under_its_flag()
    {
        var sft = CliRun.Of("sft", "--data", "missing.jsonl", "--preset", "tiny", "--out", "o", "--max-length", "1");
        Assert.Equal(2, sft.ExitCode);
        Assert.Contains("--max-length: training option MaxSequenceLength = 1 is invalid; allowed: >= 2", sft.Error);
        var grpo = CliRun.Of("grpo", "--prompts", "p", "--model", "m", "--reward", "gym:sorting", "--out", "o", "--lr", "-1");
        Assert.Equal(2, grpo.ExitCode);                                       // checked before the (missing) model is read
        Assert.Contains("--lr: training option LearningRate = -1 is invalid", grpo.Error);
        var dpo = CliRun.Of("dpo", "--data", "d", "--model", "m", "--out", "o", "--save-every", "-2");
        Assert.Equal(2, dpo.ExitCode);
        Assert.Contains("--save-every:", dpo.Error);
    }
}
