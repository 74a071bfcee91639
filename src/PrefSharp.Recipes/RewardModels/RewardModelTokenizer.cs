using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>The tokenizer of a reward-model run, copied or trained into its output folder.</summary>
public static class RewardModelTokenizer
{
    /// <summary>
    /// The given tokenizer folder (or the starting model's), its files copied beside the model; else a byte-level BPE
    /// of <see cref="RewardModelRecipeOptions.VocabularySize"/> ids trained on <paramref name="texts"/> and saved there.
    /// </summary>
    public static ITokenizer LoadOrTrain(RewardModelRecipeOptions options, IEnumerable<string> texts, TextWriter output)
    {
        var outDir = options.OutputDirectory;
        var given = options.TokenizerDirectory ?? options.ModelDirectory;
        if (given is not null)
        {
            TokenizerFiles.CopyFiles(given, outDir);
            return TokenizerFiles.Load(given);
        }
        var trained = BpeTrainer.Train(texts, new BpeTrainerOptions { VocabularySize = options.VocabularySize });
        trained.Save(outDir);
        output.WriteLine($"tokenizer: byte-level BPE trained on the training split, {trained.VocabularySize} ids");
        return TokenizerFiles.Load(outDir);
    }
}
