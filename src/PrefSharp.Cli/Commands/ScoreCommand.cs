using System.CommandLine;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp score --model DIR --data FILE</c>: one JSON line per pair with the reward of each completion, or for a
/// General Preference Model (no scalar reward) each completion's win rate against the other completions of its prompt.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Reward model directory (Hugging Face seq-cls layout), an ensemble folder from train-rm --ensemble K, cdr:STRONG,WEAK (two causal-LM checkpoints: reward log π_strong(y|x) − log π_weak(y|x)) or flr:DIR (reward: per-token log-likelihood of praise minus complaint as the user's next turn)", Required = true };
        var data = new Option<string>("--data") { Description = "Preference pairs (any format 'data convert' reads)", Required = true };
        var normalize = new Option<bool>("--normalize") { Description = "Report (r − mean)/std with the model's stored statistics" };
        var batchSize = new Option<int>("--batch-size") { Description = "Sequences per forward pass", DefaultValueFactory = _ => 16 };
        var maxLength = new Option<int>("--max-length") { Description = "Truncate each sequence to this many tokens", DefaultValueFactory = _ => 1024 };
        var user = new Option<string?>("--user") { Description = "A PAL/MiCRo model: score for this annotator id (default: each pair's own annotator)" };
        var direction = MultiObjectiveCli.DirectionOption();
        var ensemble = new EnsembleCli();
        var reading = new ReadingOptions();
        var command = new Command("score", "Rate completions with a reward model; writes JSONL {\"index\", \"reward_chosen\", \"reward_rejected\"} to stdout. "
            + "A General Preference Model has no scalar reward: it writes {\"index\", \"win_rate_chosen\", \"win_rate_rejected\", \"completions\"}, "
            + "each completion's mean P(y ≻ y') against the other distinct completions of its prompt in the file")
        {
            model, data, normalize, batchSize, maxLength, direction, user,
        };
        reading.AddTo(command);
        ensemble.AddTo(command);
        command.SetAction(parse =>
        {
            var rows = RewardScoringRecipe.Score(new RewardScoringOptions
            {
                ModelDirectory = parse.GetValue(model)!, Pairs = RewardPairs.Read(parse.GetValue(data)!, reading.From(parse)),
                MaxLength = parse.GetValue(maxLength), BatchSize = parse.GetValue(batchSize), Normalize = parse.GetValue(normalize),
                Direction = parse.GetValue(direction), Ensemble = ensemble.From(parse), User = parse.GetValue(user),
            });
            foreach (var row in rows) parse.InvocationConfiguration.Output.WriteLine(row.ToJsonString());
            return 0;
        });
        return command.WithExamples(
            "prefsharp score --model runs/rm --data pairs.jsonl > scores.jsonl",
            "prefsharp score --model runs/rm --data pairs.jsonl --normalize",
            "prefsharp score --model runs/gpm --data pairs.jsonl   # a GPM: win rates within each prompt",
            "prefsharp score --model runs/armo --data pairs.jsonl --direction 0.8,0.6",
            "prefsharp score --model runs/pal --data pairs.jsonl --user c1",
            "prefsharp score --model cdr:runs/sft,runs/base --data pairs.jsonl   # density ratio of two policies, no reward model");
    }
}
