using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Batches;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// Trains a reward model end to end: read the pairs, split them by prompt, load or train a tokenizer, train one model,
/// a model with its peer (<see cref="PeerReviewTraining"/>) or an ensemble on the shared loop, save, and evaluate on
/// the held-out prompts (<see cref="RewardModelReport"/>). A listwise loss goes through <see cref="RunListwise"/>, a personalised head through <see cref="RunPluralistic"/>.
/// </summary>
public static partial class RewardModelRecipe
{
    /// <summary>Runs <paramref name="options"/>; progress lines go to <paramref name="output"/>, training progress to <paramref name="progress"/>.</summary>
    public static void Run(RewardModelRecipeOptions options, TextWriter output, TextWriter progress)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        if (options.Listwise is { } listwise)
        {
            RunListwise(options, listwise, output, progress);
            return;
        }
        if (options.Pluralistic is { } pluralistic)
        {
            RunPluralistic(options, pluralistic, output, progress);
            return;
        }
        var loss = options.Objective.Loss;
        var pairs = RewardPairs.Read(options.DataPath, options.Reading)
            .Where(p => !p.IsTie || loss is RewardLossKind.SoftLabel or RewardLossKind.RaoKupper).ToList();
        if (loss == RewardLossKind.RaoKupper)
            output.WriteLine($"ties: {pairs.Count(p => p.IsTie):N0} of {pairs.Count:N0} pairs kept for Rao–Kupper");
        var (seed, maxLength) = (options.Training.Seed, options.Training.MaxSequenceLength);
        var (trainPairs, heldOutPairs) = PromptSplit.Split(pairs, p => p.Prompt.ToPlainText(), options.EvalSplit, seed);
        output.WriteLine($"pairs: {pairs.Count:N0} → train {trainPairs.Count:N0}, held out {heldOutPairs.Count:N0} (split by prompt, seed {seed})");

        var tokenizer = RewardModelTokenizer.LoadOrTrain(options, RewardPairs.Texts(trainPairs), output);
        var train = trainPairs.Select(p => RewardPairs.Example(tokenizer, p, loss, maxLength)).ToList();
        var heldOut = heldOutPairs.Select(p => RewardPairs.Example(tokenizer, p, loss, maxLength)).ToList();
        var scorers = new List<RewardModel>();
        try
        {
            Train(options, tokenizer, train, heldOut, ProgressReporter.For(progress), scorers);
            var decided = Enumerable.Range(0, heldOutPairs.Count).Where(i => !heldOutPairs[i].IsTie).ToList();   // ties have no right answer
            var threeWay = options.Members == 1 && heldOut.Count > 0 && RaoKupperOutcomes.Applies(scorers[0].Config)   // …except on three outcomes
                ? RaoKupperOutcomes.Evaluate(scorers[0], heldOut.Select((e, i) => (e.Chosen, e.Rejected, heldOutPairs[i].IsTie)).ToList(), 32)
                : null;
            RewardModelReport.Write(scorers, decided.Select(i => heldOut[i]).ToList(), decided.Select(i => heldOutPairs[i]).ToList(),
                options.OutputDirectory, output, threeWay);
        }
        finally
        {
            foreach (var model in scorers) model.Dispose();
        }
    }

    /// <summary>Trains and saves the model(s) asked for, adding the ones that score the held-out pairs to <paramref name="scorers"/>.</summary>
    private static void Train(RewardModelRecipeOptions options, ITokenizer tokenizer, List<TokenizedPair> train, List<TokenizedPair> heldOut,
        ProgressReporter progress, List<RewardModel> scorers)
    {
        var outDir = options.OutputDirectory;
        RewardModel Create(int _) => NewModel(options, tokenizer, options.GeneralPreference);
        if (options.PeerReview is { } review)
        {
            TorchSharp.torch.manual_seed(options.Training.Seed);
            var (model, peer) = (Create(0), Create(1));   // drawn one after the other: different initialisations
            scorers.Add(model);
            using (peer)
            {
                PeerReviewTraining.Train(model, peer, train, heldOut, options.Objective, review, options.Training, progress, options.Resume);
                var peerDir = Path.Combine(outDir, PeerReviewTraining.PeerFolder);
                RewardCheckpoint.Save(peer, peerDir);
                TokenizerFiles.CopyFiles(outDir, peerDir);
            }
            RewardCheckpoint.Save(model, outDir);
        }
        else if (options.Members == 1)
        {
            TorchSharp.torch.manual_seed(options.Training.Seed);
            var model = Create(0);
            scorers.Add(model);
            RewardTraining.Train(model, train, heldOut, options.Objective, options.Training, progress, options.Resume);
            RewardCheckpoint.Save(model, outDir);
        }
        else
        {
            var ensemble = RewardTraining.TrainEnsemble(options.Members, Create, train, heldOut, options.Objective, options.Training, progress, options.Resume);
            scorers.AddRange(ensemble.Members);
            for (var k = 0; k < options.Members; k++)
            {
                var memberDir = Path.Combine(outDir, $"member-{k}");
                RewardCheckpoint.Save(ensemble.Members[k], memberDir);
                TokenizerFiles.CopyFiles(outDir, memberDir);
            }
        }
    }

    /// <summary>A fresh reward model with <paramref name="numLabels"/> outputs (a GPM's 2k instead): the causal LM's backbone from <see cref="RewardModelRecipeOptions.ModelDirectory"/>, or the preset.</summary>
    private static RewardModel NewModel(RewardModelRecipeOptions options, ITokenizer tokenizer, (int Dimension, GeneralPreferenceConfig Config)? gpm, int numLabels = 1) =>
        options.ModelDirectory is { } modelDir
            ? RewardCheckpoint.FromCausalLM(modelDir, numLabels: gpm?.Dimension ?? numLabels, generalPreference: gpm?.Config)
            : ComputeTarget.Default.Apply(new RewardModel(new RewardModelConfig
            {
                Backbone = RewardModelPresets.Backbone(options.Preset, tokenizer, Math.Max(options.Training.MaxSequenceLength, 64)),
                NumLabels = gpm?.Dimension ?? numLabels, GeneralPreference = gpm?.Config,
            }));
}
