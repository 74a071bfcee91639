using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Dpo.Online;

namespace PrefSharp.Torch.Tests.Dpo.Online;

/// <summary>The online DPO loop: reward-model labelling and pair selection.</summary>
public sealed class OnlineDpoTests
{
    [Theory]
    [InlineData(PairSelection.BestWorst)]
    [InlineData(PairSelection.Rso)]
    public void The_reward_model_labeller_puts_the_higher_scored_response_on_the_chosen_side(PairSelection selection)
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 5);
        static TokenizedSequence Encode(string prompt, string completion) =>
            TokenizedSequence.PromptCompletion(prompt.Select(c => 3 + c % 60).ToList(), completion.Select(c => 3 + c % 60).ToList());
        var labeller = PointwiseRewardSource.FromRewardModel(model, Encode);
        string[] prompts = ["sort 3 1 2", "sort 9 4", "greet"];
        var groups = prompts.Select((p, i) => new CompletionGroup(p, Enumerable.Range(0, 4).Select(k => $"answer {i} {k} {new string('x', k + i)}").ToList())).ToList();
        var responses = groups.SelectMany(g => g.Completions).ToList();

        var scores = labeller.Score(groups).Rewards;
        var (pairs, dropped) = OnlinePairs.Select(responses, scores, 4, selection, minMargin: 0, new Random(2), rsoBeta: 1.0, rsoAccepted: 2);

        // the same sequences scored directly by the reward model
        var direct = RewardScorer.Score(model, groups.SelectMany(g => g.Completions.Select(c => Encode(g.Prompt, c))).ToList());
        Assert.Equal(3, pairs.Count + dropped);
        Assert.NotEmpty(pairs);
        foreach (var pair in pairs)
        {
            Assert.True(direct[pair.Chosen] > direct[pair.Rejected], $"chosen {direct[pair.Chosen]} vs rejected {direct[pair.Rejected]}");
            Assert.Equal(direct[pair.Chosen] - direct[pair.Rejected], pair.Margin, 9);
            Assert.Equal(pair.Prompt, pair.Chosen / 4);
            Assert.Equal(pair.Prompt, pair.Rejected / 4);
            if (selection != PairSelection.BestWorst) continue;
            var group = direct.Skip(4 * pair.Prompt).Take(4).ToList();
            Assert.Equal(group.Max(), direct[pair.Chosen], 12);                // DNO: best against worst
            Assert.Equal(group.Min(), direct[pair.Rejected], 12);
        }
    }
}
