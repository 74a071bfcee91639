using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Kto;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// Unpaired judgements end to end (<see cref="KtoTrainer"/>): the <c>dpo</c> verb's path when the training file holds
/// TRL's unpaired records (prompt, completion, label), which KTO and APO-zero's unpaired form train on.
/// </summary>
public static class KtoRecipe
{
    /// <summary>True when <paramref name="records"/> hold unpaired judgements and no pairs.</summary>
    public static bool IsUnpaired(IReadOnlyList<PreferenceRecord> records) =>
        records.Any(r => r is UnpairedJudgement) && !records.Any(r => r is PreferencePair);

    /// <summary>Trains on the unpaired <paramref name="train"/> records; the loss list must be kto_pair or apo_zero alone.</summary>
    public static (TrainingResult Result, int Rows) Run(DpoRecipeOptions options, IReadOnlyList<PreferenceRecord> train, TextWriter progress)
    {
        var (directory, training, dpo) = (options.ModelDirectory, options.Training, options.Dpo);
        if (dpo.Losses is not [{ Type: PreferenceLossType.KtoPair or PreferenceLossType.ApoZero } unpaired])
            throw new ArgumentException($"--loss: {options.DataPath} holds unpaired judgements (prompt, completion, label), which train KTO or APO-zero: use --loss kto_pair or --loss apo_zero", "--loss");
        if (dpo.Reference != ReferenceMode.Live || dpo.SyncSteps > 0 || dpo.WpoWeights || dpo.ChesFilterFraction > 0)
            throw new ArgumentException("unpaired training runs with a live reference only, without TR-DPO, WPO or the CHES filter", "--reference");
        var tokenizer = TokenizerFiles.Load(directory);
        List<TokenizedPair> Encode(IReadOnlyList<PreferenceRecord> records, string path)
        {
            var (rows, skipped) = KtoEncoding.EncodeAll(records, tokenizer, options.Template, training.MaxSequenceLength);
            if (skipped > 0) progress.WriteLine($"{path}: skipped {skipped} record(s) that are not unpaired judgements");
            return rows.Count > 0 ? rows : throw new ArgumentException($"{path}: no unpaired judgements", "--data");
        }
        var rows = Encode(train, options.DataPath);
        var heldOut = options.EvalDataPath is { } evalPath ? Encode(PreferenceFileReader.ReadAll(evalPath, options.Reading).ToList(), evalPath) : null;
        using var policy = Checkpoint.Load(directory);
        TrainingResult result;
        using (var trainer = new KtoTrainer(policy, rows, tokenizer.PaddingId(), dpo.LossOptions, training, heldOut, ProgressReporter.For(progress), unpaired.Type))
        {
            if (options.Resume) trainer.Trainer.ResumeFromLatest();
            result = trainer.Trainer.Run();
        }
        var final = Path.Combine(training.OutputDirectory, "final");
        Checkpoint.Save(policy, final);
        TokenizerFiles.CopyFiles(directory, final);
        return (result, rows.Count);
    }
}
