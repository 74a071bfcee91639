using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Batches;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// Offline preference optimisation end to end (<see cref="DpoTrainer"/>, Rafailov et al. 2023 and the losses it
/// combines): encode the pairs through the template, load the policy, train (resuming when asked), save the final
/// policy with its tokenizer files to <c>OUT/final</c>, and rank the training and held-out pairs with the final policy
/// against the starting checkpoint (<see cref="RankingEvaluation"/>: ranking, idealised ranking and implicit reward
/// accuracy, Chen et al. 2024). A training file of unpaired judgements goes to <see cref="KtoRecipe"/>.
/// </summary>
public static class DpoRecipe
{
    /// <summary>
    /// The loop's result, the number of training pairs (or KTO judgements), the final policy folder and the ranking
    /// reports (null for unpaired KTO; held-out: null without held-out pairs).
    /// </summary>
    public sealed record Outcome(TrainingResult Result, int Pairs, string FinalFolder, RankingReport? TrainRanking, RankingReport? HeldOutRanking);

    /// <summary>Runs <paramref name="options"/>; notes and training progress go to <paramref name="progress"/>.</summary>
    public static Outcome Run(DpoRecipeOptions options, TextWriter progress)
    {
        var (directory, training, dpo) = (options.ModelDirectory, options.Training, options.Dpo);
        var tokenizer = TokenizerFiles.Load(directory);
        var final = Path.Combine(training.OutputDirectory, "final");
        var trainRecords = PreferenceFileReader.ReadAll(options.DataPath, options.Reading).ToList();
        if (KtoRecipe.IsUnpaired(trainRecords))
        {
            var (ktoResult, rows) = KtoRecipe.Run(options, trainRecords, progress);
            return new Outcome(ktoResult, rows, final, null, null);
        }
        var pairValue = PairValues.For(dpo.Losses);
        (List<TokenizedPair> Pairs, List<double?> Preferences) Read(string path, List<PreferenceRecord>? read = null)
        {
            var records = read ?? PreferenceFileReader.ReadAll(path, options.Reading).ToList();
            var (encoded, preferences) = RankingEvaluation.Encode(records, tokenizer, options.Template, training.MaxSequenceLength, pairValue);
            if (encoded.SkippedTies + encoded.SkippedOther > 0)
                progress.WriteLine($"{path}: skipped {encoded.SkippedTies} tie(s) and {encoded.SkippedOther} record(s) that are not pairs");
            return encoded.Pairs.Count > 0 ? (encoded.Pairs, preferences) : throw new ArgumentException($"{path}: no preference pairs (ties and other record kinds are skipped)", "--data");
        }
        var train = Read(options.DataPath, trainRecords);
        var heldOut = options.EvalDataPath is { } evalPath ? Read(evalPath) : default;

        using var policy = Checkpoint.Load(directory);
        TrainingResult result;
        using (var trainer = new DpoTrainer(policy, train.Pairs, tokenizer.PaddingId(), dpo, training, heldOut.Pairs, progress: ProgressReporter.For(progress)))
        {
            if (options.Resume) trainer.ResumeFromLatest();
            result = trainer.Run();
        }
        Checkpoint.Save(policy, final);
        TokenizerFiles.CopyFiles(directory, final);
        using var start = Checkpoint.Load(directory);
        RankingReport Rank((List<TokenizedPair> Pairs, List<double?> Preferences) set) => RankingEvaluation.Run(policy, start, set.Pairs, set.Preferences,
            tokenizer.PaddingId(), training.MicroBatchSize, dpo.LossOptions.Beta);
        return new Outcome(result, train.Pairs.Count, final, Rank(train), heldOut.Pairs is null ? null : Rank(heldOut));
    }
}
