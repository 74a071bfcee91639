using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Batches;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// Offline preference optimisation end to end (<see cref="DpoTrainer"/>, Rafailov et al. 2023 and the losses it
/// combines): encode the pairs through the template, load the policy, train (resuming when asked), and save the final
/// policy with its tokenizer files to <c>OUT/final</c>.
/// </summary>
public static class DpoRecipe
{
    /// <summary>The loop's result, the number of training pairs and the final policy folder.</summary>
    public sealed record Outcome(TrainingResult Result, int Pairs, string FinalFolder);

    /// <summary>Runs <paramref name="options"/>; notes go to <paramref name="output"/>, training progress to <paramref name="progress"/>.</summary>
    public static Outcome Run(DpoRecipeOptions options, TextWriter output, TextWriter progress)
    {
        var (directory, training, dpo) = (options.ModelDirectory, options.Training, options.Dpo);
        var tokenizer = TokenizerFiles.Load(directory);
        var pairValue = PairValues.For(dpo.Losses);
        List<TokenizedPair> Read(string path)
        {
            var encoded = PairEncoding.EncodeAll(PreferenceFileReader.ReadAll(path, options.Reading), tokenizer, options.Template, training.MaxSequenceLength, pairValue);
            if (encoded.SkippedTies + encoded.SkippedOther > 0)
                progress.WriteLine($"{path}: skipped {encoded.SkippedTies} tie(s) and {encoded.SkippedOther} record(s) that are not pairs");
            return encoded.Pairs.Count > 0 ? encoded.Pairs : throw new ArgumentException($"{path}: no preference pairs (ties and other record kinds are skipped)", "--data");
        }
        var train = Read(options.DataPath);
        var heldOut = options.EvalDataPath is { } evalPath ? Read(evalPath) : null;

        using var policy = Checkpoint.Load(directory);
        using var trainer = new DpoTrainer(policy, train, tokenizer.PaddingId(), dpo, training, heldOut, progress: ProgressReporter.For(progress));
        if (options.Resume && !trainer.ResumeFromLatest()) output.WriteLine($"no checkpoint in {training.OutputDirectory}: starting from {directory}");
        var result = trainer.Run();
        var final = Path.Combine(training.OutputDirectory, "final");
        Checkpoint.Save(policy, final);
        TokenizerFiles.CopyFiles(directory, final);
        return new Outcome(result, train.Count, final);
    }
}
