using System.CommandLine;
using System.Globalization;
using PrefSharp.Cli.Commands.Dpo;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.Dpo;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp dpo --data FILE --model DIR --out DIR</c>: DPO-family training of a checkpoint on preference pairs with
/// the shared trainer (AdamW, schedule, accumulation, checkpoints, metrics.jsonl, TensorBoard). The final policy goes
/// to <c>OUT/final</c> with the tokenizer files, ready for <c>generate</c> or another stage; the ranking, idealised ranking
/// and implicit reward accuracies of the final policy on the training and held-out pairs are printed.
/// </summary>
public static class DpoCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "Preference pairs (TRL prompt/chosen/rejected or any format 'data convert' reads)", Required = true };
    private static readonly Option<string?> EvalData = new("--eval-data") { Description = "Held-out pairs, evaluated every --eval-every steps and at the end" };
    private static readonly Option<string> Model = new("--model") { Description = "Checkpoint directory: config.json, model.safetensors and the tokenizer (policy and reference start from it)", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder: checkpoints, metrics.jsonl, TensorBoard events, final/", Required = true };
    private static readonly Option<string> Template = new("--template") { Description = "Chat template for conversational records: auto, chatml, llama3 or plain", DefaultValueFactory = _ => "auto" };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the newest checkpoint in --out" };
    private static readonly Option<double> ChesFilter = new("--ches-filter") { Description = "Drop this fraction (in [0, 1)) of the training pairs with the highest length-normalised CHES before training (Razin et al. 2025)", DefaultValueFactory = _ => 0.0 };

    public static Command Create()
    {
        Template.AcceptOnlyFromAmong("auto", "chatml", "llama3", "plain");
        var reading = new ReadingOptions();
        var losses = new DpoLossOptions();
        var training = new TrainingFlags(new TrainingOptions { LearningRate = 5e-6 }, new TrainingFlagTexts
        {
            BatchUnit = "Pairs", MaxLength = "Truncate each prompt + response to this many tokens",
        }, TrainingFlag.All | TrainingFlag.ResumeWithChanges);
        var command = new Command("dpo", "Direct preference optimisation (and its family: IPO, SimPO, ORPO, RPO, …) of a checkpoint on preference pairs")
        {
            Data, EvalData, Model, Out, Template, Resume, ChesFilter,
        };
        losses.AddTo(command);
        training.AddTo(command);
        reading.AddTo(command);
        command.SetAction(parse => Run(parse, training, reading, losses));
        return command.WithExamples(
            "prefsharp dpo --data pairs.jsonl --model runs/sft/final --out runs/dpo --beta 0.1 --lr 5e-6 --epochs 1",
            "prefsharp dpo --data pairs.jsonl --model runs/sft/final --out runs/rpo --loss sigmoid,sft:0.2 --reference cached",
            "prefsharp dpo --data pairs.jsonl --model runs/sft/final --out runs/simpo --loss simpo --reference none --beta 2.0",
            "prefsharp dpo --data pairs.jsonl --model runs/sft/final --out runs/dpo --ches-filter 0.05",
            "prefsharp dpo --data pairs.jsonl --model runs/sft/final --out runs/dpo --resume");
    }

    private static int Run(ParseResult parse, TrainingFlags trainingFlags, ReadingOptions reading, DpoLossOptions losses)
    {
        var writer = parse.InvocationConfiguration.Output;
        var dpo = (losses.From(parse) with { ChesFilterFraction = parse.GetValue(ChesFilter) }).Validate();
        var (result, pairs, final, trainRanking, heldOutRanking) = DpoRecipe.Run(new DpoRecipeOptions
        {
            ModelDirectory = parse.GetValue(Model)!, DataPath = parse.GetValue(Data)!, EvalDataPath = parse.GetValue(EvalData), Reading = reading.From(parse),
            Template = Enum.Parse<ChatTemplateKind>(parse.GetValue(Template)!, ignoreCase: true), Dpo = dpo, Resume = parse.GetValue(Resume),
            Training = trainingFlags.From(parse, parse.GetValue(Out)!),
        }, parse.InvocationConfiguration.Error);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dpo: {pairs} pairs, {result.Step} steps, loss {result.LastLoss:F4}, reference {dpo.Reference.ToString().ToLowerInvariant()}, losses {parse.GetValue(losses.Loss)}"));
        if (result.LastEvaluation is { } evaluation)
            writer.WriteLine(evaluation.Metrics.TryGetValue("rewards/accuracies", out var accuracy)
                ? string.Create(CultureInfo.InvariantCulture, $"eval: loss {evaluation.Loss:F4}, accuracy {accuracy:F3}, margin {evaluation.Metrics["rewards/margins"]:F4}")
                : string.Create(CultureInfo.InvariantCulture, $"eval: loss {evaluation.Loss:F4}"));
        if (trainRanking is not null) writer.WriteLine($"train: {trainRanking.Summary()}");
        if (heldOutRanking is not null) writer.WriteLine($"held-out: {heldOutRanking.Summary()}");
        writer.WriteLine($"policy: {final}");
        return 0;
    }
}
