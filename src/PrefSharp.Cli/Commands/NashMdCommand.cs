using System.CommandLine;
using System.Text.Json;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.NashMd;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp nash-md --prompts FILE --model DIR --preference SPEC --out DIR</c>: Nash-MD (Munos et al. 2024), the
/// policy against its geometric mixture with the reference under a general preference; defaults are TRL's
/// NashMDConfig (<see cref="NashMdOptions"/>).
/// </summary>
public static class NashMdCommand
{
    private static readonly Option<string> Prompts = new("--prompts") { Description = "Prompts: one per line, or any data file 'data convert' reads (each record's prompt)", Required = true };
    private static readonly Option<string> Model = new("--model") { Description = "Policy checkpoint (also the frozen reference π_ref): config.json, model.safetensors and the tokenizer", Required = true };
    private static readonly Option<string> Preference = new("--preference")
    {
        Description = "P(y ≻ y'): gym:WORLD (σ of the world's margin, intransitive worlds stay intransitive), rm:DIR (a GPM's own preference, or σ(r − r') of a scalar RM), judge:URL, cdr:STRONG,WEAK or flr:DIR (σ of the likelihood-reward gap)",
        Required = true,
    };
    private static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the judge endpoint (key: PREFSHARP_JUDGE_API_KEY)" };
    private static readonly Option<double> JudgeTimeout = JudgeTimeoutOption.Create();
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", Required = true };
    private static readonly Option<double> Mixture = new("--mixture")
    {
        Description = "β of the opponent π^(1−β)·π_ref^β, mixed token by token: 0 plays the policy against itself (self-play), 1 against the reference",
        DefaultValueFactory = _ => 0.5,
    };
    private static readonly Option<double> Tau = new("--tau") { Description = "τ, weight of KL(π ‖ π_ref) in the regularised game (TRL's beta)", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<int> PromptsPerStep = new("--prompts-per-step") { Description = "Prompts per step, each with one policy sample and one opponent", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> MaxCompletion = new("--max-completion-length") { Description = "Most tokens per completion", DefaultValueFactory = _ => 64 };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "Sampling temperature of both samples (> 0)", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<int> MicroBatch = new("--micro-batch-size") { Description = "Completions per forward/backward", DefaultValueFactory = _ => 8 };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the newest complete checkpoint in --out (same prompts, seed and options)" };
    private static readonly Option<bool> Chat = new("--chat") { Description = "Wrap prompts in the tokenizer's chat template and stop at end of turn" };

    public static Command Create()
    {
        var training = new TrainingFlags(new NashMdOptions().Training, new TrainingFlagTexts
        {
            BatchUnit = "Prompts", StepUnit = "Sampling steps", Seed = "Seed of prompt order, sampling and torch's generator", Warmup = "Linear warm-up, in steps",
        }, TrainingFlag.LearningRate | TrainingFlag.MaxSteps | TrainingFlag.Seed | TrainingFlag.LogEvery | TrainingFlag.SaveEvery
           | TrainingFlag.KeepLast | TrainingFlag.MaxGradNorm | TrainingFlag.Warmup | TrainingFlag.ResumeWithChanges);
        var command = new Command("nash-md", "Nash-MD: improve the policy against its geometric mixture with the reference under a general (possibly intransitive) preference, "
            + "approaching the Nash equilibrium of the KL-regularised preference game rather than maximising a reward")
        {
            Prompts, Model, Preference, JudgeModel, JudgeTimeout, Out, Mixture, Tau, PromptsPerStep, MaxCompletion, Temperature, MicroBatch, Resume, Chat,
        };
        training.AddTo(command);
        command.SetAction(parse => Run(parse, training));
        return command.WithExamples(
            "prefsharp nash-md --prompts gym/prompts.txt --model runs/sft --preference gym:intransitive --out runs/nash-md --max-steps 200",
            "prefsharp nash-md --prompts prompts.jsonl --model runs/sft --preference rm:runs/gpm --mixture 0.125 --tau 0.008 --out runs/nash-md",
            "prefsharp nash-md --prompts prompts.txt --model runs/sft --preference judge:http://localhost:8000/v1 --judge-model qwen --out runs/nash-md");
    }

    private static int Run(ParseResult parse, TrainingFlags training)
    {
        var trainer = new NashMdOptions
        {
            Tau = parse.GetValue(Tau), MixtureCoefficient = parse.GetValue(Mixture), PromptsPerStep = parse.GetValue(PromptsPerStep),
            MaxCompletionLength = parse.GetValue(MaxCompletion), Temperature = parse.GetValue(Temperature), MicroBatchSize = parse.GetValue(MicroBatch),
            Training = training.From(parse, parse.GetValue(Out)!),
        }.Validate();                                                                                  // checked before any file is read
        var prompts = CorpusTexts.Prompts(parse.GetValue(Prompts)!).Select(p => p.ToPlainText()).ToList();
        if (prompts.Count == 0) throw new ArgumentException($"--prompts: {parse.GetValue(Prompts)} holds no prompts", "--prompts");
        var (result, preference) = NashMdRecipe.Run(new NashMdRecipeOptions
        {
            ModelDirectory = parse.GetValue(Model)!, Prompts = prompts, Chat = parse.GetValue(Chat), Preference = parse.GetValue(Preference)!,
            JudgeModel = parse.GetValue(JudgeModel), JudgeTimeoutSeconds = parse.GetValue(JudgeTimeout), Resume = parse.GetValue(Resume), Trainer = trainer,
        }, parse.InvocationConfiguration.Error);
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new
        {
            steps = result.Step, checkpoint = result.LastCheckpoint, preference, loss = result.LastLoss,
        }));
        return 0;
    }
}
