using System.CommandLine;
using System.Text.Json;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp grpo --prompts FILE --model DIR --reward SPEC --out DIR</c>: online GRPO (or RLOO, or Pref-GRPO with
/// --pairwise) on prompt-only data; metrics.jsonl and TensorBoard every step, the policy in <c>checkpoint-STEP</c>.
/// Defaults are TRL's GRPOConfig (see <see cref="GrpoTrainerOptions"/>).
/// </summary>
public static partial class GrpoCommand
{
    private static readonly Option<string> Prompts = new("--prompts") { Description = "Prompts: one per line, or any data file 'data convert' reads (each record's prompt)", Required = true };
    private static readonly Option<string> Model = new("--model") { Description = "Policy checkpoint: config.json, model.safetensors and the tokenizer", Required = true };
    private static readonly Option<bool> Pairwise = new("--pairwise") { Description = "Pref-GRPO / SPO self-play: each completion's reward is its win rate against the rest of its group (BT over the RM, the world's preference, or the judge)" };
    private static readonly Option<string?> Gold = new("--gold") { Description = "Gym world whose utility is logged as reward/gold (implied by --reward gym:WORLD)" };
    private static readonly Option<double> JudgeTimeout = JudgeTimeoutOption.Create();
    private static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the judge endpoint (key: PREFSHARP_JUDGE_API_KEY)" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", Required = true };
    private static readonly Option<string> Advantage = new("--advantage") { Description = "grpo (group baseline), rloo (leave-one-out) or riskpo (RiskPO's Mixed Value-at-Risk of bundled questions)", DefaultValueFactory = _ => "grpo" };
    private static readonly Option<int> GroupSize = new("--group-size") { Description = "Completions per prompt G (≥ 2)", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> PromptsPerStep = new("--prompts-per-step") { Description = "Prompts per step B", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> MaxCompletion = new("--max-completion-length") { Description = "Most tokens per completion", DefaultValueFactory = _ => 256 };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "Sampling temperature (> 0)", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<int> Iterations = new("--iterations") { Description = "Updates per rollout μ", DefaultValueFactory = _ => 1 };
    private static readonly Option<double?> KlBudget = KlBudgetOption.Create();
    private static readonly Option<string> ScaleRewards = new("--scale-rewards") { Description = "group, batch or none", DefaultValueFactory = _ => "group" };
    private static readonly Option<int> MicroBatch = new("--micro-batch-size") { Description = "Completions per forward/backward", DefaultValueFactory = _ => 8 };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the newest complete checkpoint in --out (same prompts, seed and options)" };
    private static readonly Option<bool> Chat = new("--chat") { Description = "Wrap prompts in the tokenizer's chat template and stop at end of turn" };

    public static Command Create()
    {
        Advantage.AcceptOnlyFromAmong("grpo", "rloo", "riskpo");
        ScaleRewards.AcceptOnlyFromAmong("group", "batch", "none");
        var training = new TrainingFlags(new GrpoTrainerOptions().Training, new TrainingFlagTexts
        {
            BatchUnit = "Completions", StepUnit = "Rollout steps", Seed = "Seed of prompt order, sampling and torch's generator",
            Warmup = "Linear warm-up, in optimiser updates (--iterations per rollout step)",
        }, TrainingFlag.LearningRate | TrainingFlag.MaxSteps | TrainingFlag.Seed | TrainingFlag.LogEvery | TrainingFlag.SaveEvery
           | TrainingFlag.KeepLast | TrainingFlag.MaxGradNorm | TrainingFlag.Warmup | TrainingFlag.ResumeWithChanges);
        var command = new Command("grpo", "Online GRPO / RLOO / Pref-GRPO on prompt-only data with a reward model, a preference model, a judge or a gym world")
        {
            Prompts, Model, Pairwise, Gold, JudgeModel, JudgeTimeout, Out, Advantage, GroupSize, PromptsPerStep, MaxCompletion, Temperature,
            Iterations, KlBudget, ScaleRewards, MicroBatch, Resume, Chat,
        };
        foreach (var flag in RewardFlags().Concat(LossFlags()).Concat(RiskFlags())) command.Options.Add(flag);
        Ensemble.AddTo(command);
        training.AddTo(command);
        command.SetAction(parse => Run(parse, training));
        return command.WithExamples(
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/grpo --max-steps 200 --lr 1e-5",
            "prefsharp grpo --prompts prompts.jsonl --model runs/sft --reward rm:runs/rm --pairwise --out runs/pref-grpo",
            "prefsharp grpo --prompts gym/prompts.txt --model runs/sft --reward gym:sorting --advantage rloo --out runs/rloo",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/grpo --kl-budget 2",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/grpo --save-every 50 --resume",
            "prefsharp grpo --prompts gym/prompts.txt --model runs/sft --reward rm:runs/rm-ens --ensemble-aggregation uwo --uwo-lambda 0.5 --gold lexicon --out runs/uwo",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/helpful@0.7 --reward rm:runs/harmless@0.3 --reward-aggregation log-sigmoid --out runs/and",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --shaping par --out runs/par",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/a --reward rm:runs/b --constraint 2:1.5 --out runs/constrained",
            "prefsharp grpo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --loss-type cispo --epsilon-high 5 --out runs/cispo");
    }

    private static int Run(ParseResult parse, TrainingFlags training)
    {
        var trainer = Options(parse, training.From(parse, parse.GetValue(Out)!));                 // checked before any file is read
        var (rewards, composition) = Rewards(parse);
        var prompts = CorpusTexts.Prompts(parse.GetValue(Prompts)!).Select(p => p.ToPlainText()).ToList();
        if (prompts.Count == 0) throw new ArgumentException($"--prompts: {parse.GetValue(Prompts)} holds no prompts", "--prompts");
        var (result, reward, last) = GrpoRecipe.Run(new GrpoRecipeOptions
        {
            ModelDirectory = parse.GetValue(Model)!, Prompts = prompts, Chat = parse.GetValue(Chat), Rewards = rewards, Composition = composition,
            Pairwise = parse.GetValue(Pairwise), JudgeModel = parse.GetValue(JudgeModel),
            JudgeTimeoutSeconds = parse.GetValue(JudgeTimeout), GoldWorld = parse.GetValue(Gold), Resume = parse.GetValue(Resume),
            Trainer = trainer,
        }, parse.InvocationConfiguration.Error);
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new
        {
            steps = result.Steps, stopped_at_kl_budget = result.StoppedAtKlBudget, checkpoint = result.Checkpoint, reward,
            proxy_reward = last?.ProxyReward, gold_reward = last?.GoldReward, kl = last?.Kl,
        }));
        return 0;
    }
}
