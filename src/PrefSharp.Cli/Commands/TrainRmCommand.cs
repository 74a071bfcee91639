using System.CommandLine;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp train-rm --data FILE --out DIR</c>: trains a reward model (or an ensemble) on preference pairs with the
/// shared training loop, on an honest split by prompt, and reports held-out accuracy, ECE and the length baseline.
/// </summary>
public static partial class TrainRmCommand
{
    public static Command Create()
    {
        Preset.AcceptOnlyFromAmong([.. RewardModelPresets.Names]);
        Head.AcceptOnlyFromAmong("scalar", "pal", "micro");
        Loss.AcceptOnlyFromAmong("bt", "margin", "soft", "smooth", "flip-aware", "debiased", "rao-kupper", "gpm", "plackett-luce", "listnet");
        var reading = new ReadingOptions();
        var training = Flags();
        var command = new Command("train-rm", "Train a reward model on preference pairs (Bradley–Terry or a robust loss; optional ensemble) and report held-out accuracy, ECE and the length baseline")
        {
            Data, Out, Model, Preset, Tokenizer, VocabSize, Loss, FlipRate, LabelSmoothing, CenterRewards, GpmDim, GpmBeta, GpmNoGate,
            TieThreshold, LabelTemperature, Head, Prototypes, PalDim, PeerReview, PeerRampEpochs, Ensemble, EvalSplit, Resume,
        };
        training.AddTo(command);
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            RewardModelRecipe.Run(TrainRmOptions.From(parse, training, reading), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return 0;
        });
        return command.WithExamples(
            "prefsharp train-rm --data pairs.jsonl --preset small --out runs/rm",
            "prefsharp train-rm --data pairs.jsonl --model runs/sft --loss flip-aware --flip-rate 0.2 --out runs/rm",
            "prefsharp train-rm --data noisy-pairs.jsonl --peer-review 0.2 --out runs/rm-peer",
            "prefsharp train-rm --data pairs.jsonl --preset tiny --ensemble 4 --epochs 3 --out runs/rm-ens",
            "prefsharp train-rm --data battles.jsonl --loss rao-kupper --out runs/rm-ties",
            "prefsharp train-rm --data battles.jsonl --loss rao-kupper --save-every 100 --out runs/rm-ties --resume",
            "prefsharp train-rm --data pairs.jsonl --loss gpm --gpm-dim 4 --lr 1e-3 --out runs/gpm",
            "prefsharp train-rm --data rankings.jsonl --loss plackett-luce --out runs/rm-listwise",
            "prefsharp train-rm --data pluralistic-pairs.jsonl --head pal --prototypes 2 --out runs/pal");
    }

    /// <summary>
    /// train-rm's training flags: the shared set with its defaults (256 tokens kept from the end of each sequence, logs
    /// every 10 steps, only the final checkpoint, in OUT/training) and a learning rate that depends on --model.
    /// </summary>
    internal static TrainingFlags Flags() => new(
        new Torch.Training.Options.TrainingOptions { MaxSequenceLength = 256, LogEvery = 10, CheckpointEvery = 0, KeepLastCheckpoints = 1 },
        new TrainingFlagTexts
        {
            BatchUnit = "Pairs", MaxLength = "Keep the last this many tokens of each sequence",
            Seed = "Seed of the split, initialisation and data order", LearningRateDefaultNote = "default 1e-3 from scratch, 1e-5 from --model",
        }, TrainingFlag.All | TrainingFlag.ResumeWithChanges);
}
