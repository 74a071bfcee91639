using System.CommandLine;
using PrefSharp.Cli.Commands.Sft;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

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
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var options = trainingFlags.From(parse, parse.GetValue(Out)!);
        var checkpoint = modelOptions.CheckpointDirectory(parse);
        var readOptions = reading.From(parse);
        var (examples, skipped) = SftDataReader.Read(parse.GetValue(Data)!, readOptions);
        if (skipped > 0) error.WriteLine($"skipped {skipped} undesirable completion(s)");
        var heldOut = parse.GetValue(EvalData) is { } evalPath ? SftDataReader.Read(evalPath, readOptions).Examples : null;

        var (tokenizer, saveTokenizer) = SftInputs.LoadTokenizer(checkpoint, parse.GetValue(Tokenizer));
        var template = ChatTemplate.For(tokenizer);
        var train = Tokenize(examples, template, options, "--data", error);
        var evaluation = heldOut is null ? null : Tokenize(heldOut, template, options, "--eval-data", error);
        var padId = tokenizer.PadId ?? tokenizer.EosId ?? 0;

        manual_seed(options.Seed);
        using var model = checkpoint is not null ? Checkpoint.Load(checkpoint)
            : CausalLM.Create(modelOptions.ScratchConfig(parse, tokenizer.VocabularySize, options.MaxSequenceLength));
        if (model.Config.VocabSize < tokenizer.VocabularySize)
            throw new ArgumentException($"the tokenizer has {tokenizer.VocabularySize} ids but the model only {model.Config.VocabSize} embeddings");
        output.WriteLine($"sft: {train.Count} examples, {model.Module.parameters().Sum(p => p.numel()) / 1e6:F1}M parameters, output {options.OutputDirectory}");

        using var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model, saveTokenizer), new SftObjective(model),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(train, b => SequenceBatch.Collate(b, padId), options.MicroBatchSize, options.Seed),
            options,
            evaluation is null ? null : new MicroBatchSource<TokenizedSequence, SequenceBatch>(evaluation, b => SequenceBatch.Collate(b, padId), options.MicroBatchSize, 0, shuffle: false),
            SftObjective.CountTokens, ProgressReporter.For(error));
        if (parse.GetValue(Resume) && !trainer.ResumeFromLatest())
            error.WriteLine($"--resume: no checkpoint in {options.OutputDirectory}; starting from step 0");

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, args) => { args.Cancel = true; cancellation.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            var result = trainer.Run(cancellation.Token);
            output.WriteLine(result.Cancelled
                ? $"stopped at step {result.Step}/{trainer.TotalSteps}; continue with --resume"
                : $"done: {result.Step} steps, last training loss {result.LastLoss:F4}"
                  + (result.LastEvaluation is { } eval ? $", held-out loss {eval.Loss:F4}" : "") + $"; model in {result.LastCheckpoint}");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }

    private static List<TokenizedSequence> Tokenize(List<SftExample> examples, ChatTemplate template, TrainingOptions options, string option, TextWriter error)
    {
        var sequences = examples.Select(e => SftTokenization.Tokenize(e, template, options.MaxSequenceLength))
            .OfType<TokenizedSequence>().ToList();
        if (sequences.Count < examples.Count)
            error.WriteLine($"{option}: dropped {examples.Count - sequences.Count} example(s) whose response does not fit in --max-length {options.MaxSequenceLength}");
        if (sequences.Count == 0) throw new ArgumentException($"{option}: no example has a response within --max-length {options.MaxSequenceLength}");
        return sequences;
    }
}
