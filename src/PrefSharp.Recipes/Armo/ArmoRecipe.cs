using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.Armo;

/// <summary>
/// A multi-objective reward model in ArmoRM's two stages (Wang et al. 2024, "Interpretable Preferences via
/// Multi-Objective Reward Modeling and Mixture-of-Experts"): stage 1 regresses one output per objective on absolute
/// ratings (<see cref="Stage1"/>), stage 2 trains the prompt-conditioned gate on preference pairs (<see cref="Stage2"/>),
/// each split by prompt; the model is saved with its gate and the held-out figures go to eval.json.
/// </summary>
public static partial class ArmoRecipe
{
    /// <summary>Runs <paramref name="options"/>; progress lines go to <paramref name="output"/>, training progress to <paramref name="progress"/>.</summary>
    public static void Run(ArmoRecipeOptions options, TextWriter output, TextWriter progress)
    {
        var outDir = Directory.CreateDirectory(options.OutputDirectory).FullName;
        var report = new JsonObject();
        var (model, tokenizer) = options.RatingsPath is { } ratings
            ? Stage1(options, ratings, outDir, report, output, progress)
            : Load(options.FromDirectory ?? throw new ArgumentException("stage 2 alone needs a stage-1 model folder"), outDir);
        using (model)
        {
            if (options.PairsPath is { } pairs) Stage2(options, model, tokenizer, pairs, report, output);
            MultiObjectiveCheckpoint.Save(model, outDir);
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "eval.json"), report.ToJsonString());
        output.WriteLine($"wrote {outDir}");
    }

    private static (MultiObjectiveRewardModel, ITokenizer) Load(string from, string outDir)
    {
        if (!MultiObjectiveCheckpoint.IsMultiObjective(from)) throw new ArgumentException($"--from: {from} is not a multi-objective model written by train-armo");
        if (Path.GetFullPath(from) != outDir) TokenizerFiles.CopyFiles(from, outDir);
        return (MultiObjectiveCheckpoint.Load(from), TokenizerFiles.Load(from));
    }
}
