using System.CommandLine;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp score --model DIR --data FILE</c>: one JSON line per pair with the reward of each completion, or for a
/// General Preference Model (no scalar reward) each completion's win rate against the other completions of its prompt.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Reward model directory (Hugging Face seq-cls layout)", Required = true };
        var data = new Option<string>("--data") { Description = "Preference pairs (any format 'data convert' reads)", Required = true };
        var normalize = new Option<bool>("--normalize") { Description = "Report (r − mean)/std with the model's stored statistics" };
        var batchSize = new Option<int>("--batch-size") { Description = "Sequences per forward pass", DefaultValueFactory = _ => 16 };
        var maxLength = new Option<int>("--max-length") { Description = "Truncate each sequence to this many tokens", DefaultValueFactory = _ => 1024 };
        var direction = MultiObjectiveCli.DirectionOption();
        var reading = new ReadingOptions();
        var command = new Command("score", "Rate completions with a reward model; writes JSONL {\"index\", \"reward_chosen\", \"reward_rejected\"} to stdout. "
            + "A General Preference Model has no scalar reward: it writes {\"index\", \"win_rate_chosen\", \"win_rate_rejected\", \"completions\"}, "
            + "each completion's mean P(y ≻ y') against the other distinct completions of its prompt in the file")
        {
            model, data, normalize, batchSize, maxLength, direction,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(model)!;
            if (MultiObjectiveCli.Applies(directory, parse.GetValue(direction)))
                return MultiObjectiveCli.Score(directory, parse.GetValue(direction), RewardPairs.Read(parse.GetValue(data)!, reading.From(parse)),
                    parse.GetValue(maxLength), parse.GetValue(batchSize), parse.InvocationConfiguration.Output);
            using var rewardModel = RewardCheckpoint.Load(directory);
            var tokenizer = TokenizerFiles.Load(directory);
            var length = parse.GetValue(maxLength);
            var pairs = RewardPairs.Read(parse.GetValue(data)!, reading.From(parse)).ToList();
            if (rewardModel.Config.IsGeneralPreference)
            {
                if (parse.GetValue(normalize))
                    throw new ArgumentException("--normalize rescales scalar rewards; a General Preference Model has none (score writes its win rates in [0, 1])");
                return ScoreWinRates.Write(rewardModel, tokenizer, pairs, length, parse.GetValue(batchSize), parse.InvocationConfiguration.Output);
            }
            var sequences = pairs.SelectMany(p => new[]
            {
                RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, length),
                RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, length),
            }).ToList();
            var rewards = RewardScorer.Score(rewardModel, sequences, parse.GetValue(batchSize), parse.GetValue(normalize));
            var writer = parse.InvocationConfiguration.Output;
            for (var i = 0; i < pairs.Count; i++)
                writer.WriteLine(new JsonObject { ["index"] = i, ["reward_chosen"] = rewards[2 * i], ["reward_rejected"] = rewards[2 * i + 1] }.ToJsonString());
            return 0;
        });
        return command.WithExamples(
            "prefsharp score --model runs/rm --data pairs.jsonl > scores.jsonl",
            "prefsharp score --model runs/rm --data pairs.jsonl --normalize",
            "prefsharp score --model runs/gpm --data pairs.jsonl   # a GPM: win rates within each prompt",
            "prefsharp score --model runs/armo --data pairs.jsonl --direction 0.8,0.6");
    }
}
