using System.CommandLine;
using PrefSharp.Cli.Commands.Sft;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.Sft;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp sft --data FILE (--model DIR | --preset tiny|small) --out DIR</c>: supervised fine-tuning with the shared
/// training loop: prompt/completion pairs, conversations (the last assistant turn is learnt), plain text, or preference
/// pairs (the chosen response). Ctrl-C stops between steps; <c>--resume</c> continues from the newest checkpoint.
/// </summary>
public static class SftCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "Training data (text, prompt/completion, messages, or any preference format)", Required = true };
    private static readonly Option<string?> EvalData = new("--eval-data") { Description = "Held-out data for evaluation (same formats)" };
    private static readonly Option<string?> Tokenizer = new("--tokenizer") { Description = "Folder with tokenizer.json (default: the one in --model; from scratch: the byte-level tokenizer)" };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the newest complete checkpoint in --out" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder (checkpoints, metrics.jsonl, TensorBoard events)", Required = true };

    public static Command Create()
    {
        var model = new SftModelOptions();
        var training = new TrainingFlags(new(), new TrainingFlagTexts
        {
            BatchUnit = "Examples", MaxLength = "Truncate examples to this many tokens", Seed = "Seed of the data order and of fresh weights",
        }, TrainingFlag.All | TrainingFlag.ResumeWithChanges);
        var reading = new ReadingOptions();
        var command = new Command("sft", "Supervised fine-tuning of a decoder (or training one from scratch) on demonstrations") { Data, EvalData, Out, Tokenizer, Resume };
        model.AddTo(command);
        training.AddTo(command);
        reading.AddTo(command);
        command.SetAction(parse => Run(parse, model, training, reading));
        return command.WithExamples(
            "prefsharp sft --data chat.jsonl --model ./Qwen2.5-0.5B-Instruct --out runs/sft --lr 1e-5 --epochs 1",
            "prefsharp sft --data pairs.jsonl --preset tiny --out runs/tiny --max-steps 500 --batch-size 16",
            "prefsharp sft --data chat.jsonl --model ./base --out runs/sft --resume");
    }

    private static int Run(ParseResult parse, SftModelOptions modelOptions, TrainingFlags trainingFlags, ReadingOptions reading)
    {
        var options = trainingFlags.From(parse, parse.GetValue(Out)!);
        var checkpoint = modelOptions.CheckpointDirectory(parse);
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, args) => { args.Cancel = true; cancellation.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            SftRecipe.Run(new SftRecipeOptions
            {
                DataPath = parse.GetValue(Data)!, EvalDataPath = parse.GetValue(EvalData), Reading = reading.From(parse), CheckpointDirectory = checkpoint,
                TokenizerDirectory = parse.GetValue(Tokenizer), Resume = parse.GetValue(Resume), Training = options,
                ScratchConfig = vocabulary => modelOptions.ScratchConfig(parse, vocabulary, options.MaxSequenceLength),
            }, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation.Token);
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }
}
