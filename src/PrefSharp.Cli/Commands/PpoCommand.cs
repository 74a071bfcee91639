using System.CommandLine;
using System.Text.Json;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp ppo --prompts FILE --model DIR --reward SPEC --out DIR</c>: online PPO with a value model (the classic
/// RLHF recipe, <see cref="PpoTrainer"/>) or P3O with <c>--algorithm p3o</c>; metrics.jsonl and TensorBoard every step,
/// the policy and its value model in <c>checkpoint-STEP</c>. Defaults are TRL's PPOConfig (see <see cref="PpoTrainerOptions"/>).
/// </summary>
public static partial class PpoCommand
{
    public static Command Create()
    {
        Algorithm.AcceptOnlyFromAmong("ppo", "p3o");
        P3oClip.AcceptOnlyFromAmong("separate", "joint");
        var training = new TrainingFlags(new PpoTrainerOptions().Training, new TrainingFlagTexts
        {
            BatchUnit = "Completions", StepUnit = "Rollout steps", Seed = "Seed of prompt order, sampling and torch's generator",
            Warmup = "Linear warm-up, in optimiser updates (--ppo-epochs × --mini-batches per rollout step)",
        }, TrainingFlag.LearningRate | TrainingFlag.MaxSteps | TrainingFlag.Seed | TrainingFlag.LogEvery | TrainingFlag.SaveEvery
           | TrainingFlag.KeepLast | TrainingFlag.MaxGradNorm | TrainingFlag.Warmup | TrainingFlag.ResumeWithChanges);
        var command = new Command("ppo", "Online PPO with a value model (GAE, KL in the reward, clipped policy and value losses), or pairwise P3O, on prompt-only data")
        {
            Prompts, Model, Reward, Gold, JudgeModel, JudgeTimeout, Out, Algorithm, P3oClip, Critic, PromptsPerStep, MaxCompletion, Temperature,
            KlCoef, KlBudget, Gamma, Lambda, NoWhiten, ClipRange, ValueClip, ValueCoef, Epochs, MiniBatches, MicroBatch, Resume, Chat,
        };
        training.AddTo(command);
        command.SetAction(parse => Run(parse, training));
        return command.WithExamples(
            "prefsharp ppo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/ppo --max-steps 200 --lr 1e-5",
            "prefsharp ppo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --critic rm:runs/rm --out runs/ppo-critic",
            "prefsharp ppo --prompts gym/prompts.txt --model runs/sft --reward gym:lexicon --algorithm p3o --p3o-clip joint --out runs/p3o",
            "prefsharp ppo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/ppo --ppo-epochs 4 --mini-batches 2 --kl-coef 0.1",
            "prefsharp ppo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/ppo --kl-budget 1",
            "prefsharp ppo --prompts prompts.txt --model runs/sft --reward rm:runs/rm --out runs/ppo --save-every 50 --resume");
    }

    private static int Run(ParseResult parse, TrainingFlags training)
    {
        var trainer = Options(parse, training.From(parse, parse.GetValue(Out)!)).Validate();       // checked before any file is read
        var prompts = CorpusTexts.Prompts(parse.GetValue(Prompts)!).Select(p => p.ToPlainText()).ToList();
        if (prompts.Count == 0) throw new ArgumentException($"--prompts: {parse.GetValue(Prompts)} holds no prompts", "--prompts");
        var (result, reward, last) = PpoRecipe.Run(new PpoRecipeOptions
        {
            ModelDirectory = parse.GetValue(Model)!, Prompts = prompts, Chat = parse.GetValue(Chat), Reward = parse.GetValue(Reward)!,
            JudgeModel = parse.GetValue(JudgeModel), JudgeTimeoutSeconds = parse.GetValue(JudgeTimeout), GoldWorld = parse.GetValue(Gold),
            Critic = parse.GetValue(Critic)!, Resume = parse.GetValue(Resume), Trainer = trainer,
        }, parse.InvocationConfiguration.Error);
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new
        {
            steps = result.Steps, stopped_at_kl_budget = result.StoppedAtKlBudget, checkpoint = result.Checkpoint, reward, proxy_reward = last?.Reward, gold_reward = last?.GoldReward,
            kl = last?.SequenceKl, explained_variance = last is null || double.IsNaN(last.ExplainedVariance) ? (double?)null : last.ExplainedVariance,
        }));
        return 0;
    }
}
