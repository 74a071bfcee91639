using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Sft;

/// <summary>
/// Supervised fine-tuning end to end on the shared loop: read the demonstrations, tokenize them through the chat
/// template (dropping those whose response does not fit), load the checkpoint or build a model from scratch, train
/// (resuming when asked; cancellable between steps), and report the last losses. Every checkpoint carries the tokenizer.
/// </summary>
public static class SftRecipe
{
    /// <summary>Runs <paramref name="options"/>; summary lines go to <paramref name="output"/>, notes to <paramref name="error"/>.</summary>
    public static TrainingResult Run(SftRecipeOptions options, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var training = options.Training;
        var (examples, skipped) = SftDataReader.Read(options.DataPath, options.Reading);
        if (skipped > 0) error.WriteLine($"skipped {skipped} undesirable completion(s)");
        var heldOut = options.EvalDataPath is { } evalPath ? SftDataReader.Read(evalPath, options.Reading).Examples : null;

        var (tokenizer, saveTokenizer) = SftTokenizer.Load(options.CheckpointDirectory, options.TokenizerDirectory);
        var template = ChatTemplate.For(tokenizer);
        var train = Tokenize(examples, template, training, "--data", error);
        var evaluation = heldOut is null ? null : Tokenize(heldOut, template, training, "--eval-data", error);
        var padId = tokenizer.PaddingId();

        manual_seed(training.Seed);
        using var model = options.CheckpointDirectory is { } checkpoint ? Checkpoint.Load(checkpoint) : CausalLM.Create(options.ScratchConfig(tokenizer.VocabularySize), ComputeTarget.Default);
        if (model.Config.VocabSize < tokenizer.VocabularySize)
            throw new ArgumentException($"the tokenizer has {tokenizer.VocabularySize} ids but the model only {model.Config.VocabSize} embeddings");
        output.WriteLine($"sft: {train.Count} examples, {model.Module.parameters().Sum(p => p.numel()) / 1e6:F1}M parameters, output {training.OutputDirectory}");

        using var trainer = new Trainer<SequenceBatch>(TrainableModel.FromCausalLM(model, saveTokenizer), new SftObjective(model),
            new MicroBatchSource<TokenizedSequence, SequenceBatch>(train, b => SequenceBatch.Collate(b, padId), training.MicroBatchSize, training.Seed),
            training,
            evaluation is null ? null : new MicroBatchSource<TokenizedSequence, SequenceBatch>(evaluation, b => SequenceBatch.Collate(b, padId), training.MicroBatchSize, 0, shuffle: false),
            SftObjective.CountTokens, ProgressReporter.For(error));
        if (options.Resume) trainer.ResumeFromLatest();
        var result = trainer.Run(cancellation);
        output.WriteLine(result.Cancelled
            ? $"stopped at step {result.Step}/{trainer.TotalSteps}; continue with --resume"
            : $"done: {result.Step} steps, last training loss {result.LastLoss:F4}"
              + (result.LastEvaluation is { } eval ? $", held-out loss {eval.Loss:F4}" : "") + $"; model in {result.LastCheckpoint}");
        return result;
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
