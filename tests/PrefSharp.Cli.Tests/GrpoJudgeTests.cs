using System.Text.Json;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Tests.Shared;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// <c>grpo --reward judge:URL</c> end to end: the verb trains a tiny random GPT-2 (byte-level tokenizer) for two steps
/// against an OpenAI-compatible judge on loopback. From the requests the judge saw we rebuild every group's completions
/// and the win rates the judge's verdicts imply, and check them against what metrics.jsonl logged.
/// </summary>
public sealed class GrpoJudgeTests
{
    private const int Steps = 2, PromptsPerStep = 2, GroupSize = 3;

    private static (string Root, string Model, string Prompts) Setup()
    {
        var (root, model, prompts) = TinyGymPolicy.Create("prefsharp-grpo-judge-", 4);
        return (root, model, prompts);
    }

    /// <summary>(prompt, response A, response B) of a pairwise judge request, cut out of JudgePrompts.Pairwise's layout.</summary>
    private static (string Prompt, string A, string B) Parse(RecordedRequest request)
    {
        const string head = "[User prompt]\n", markA = "\n\n[Response A]\n", markB = "\n\n[Response B]\n";
        var text = request.User;
        Assert.StartsWith(head, text);
        var a = text.IndexOf(markA, StringComparison.Ordinal);
        var b = text.LastIndexOf(markB, StringComparison.Ordinal);
        return (text[head.Length..a], text[(a + markA.Length)..b], text[(b + markB.Length)..]);
    }

    private static List<JsonElement> Run(string root, string model, string prompts, LoopbackChatServer judge, string output)
    {
        var run = CliRun.Of("grpo", "--prompts", prompts, "--model", model, "--reward", $"judge:{judge.BaseUrl}", "--judge-model", "test-judge",
            "--out", Path.Combine(root, output), "--group-size", $"{GroupSize}", "--prompts-per-step", $"{PromptsPerStep}",
            "--max-completion-length", "5", "--max-steps", $"{Steps}", "--temperature", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal("judge", summary.RootElement.GetProperty("reward").GetString());
        return File.ReadAllLines(Path.Combine(root, output, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public void Every_pair_of_a_group_is_judged_in_both_orders_and_the_logged_rewards_are_the_verdicts_win_rates()
    {
        var (root, model, prompts) = Setup();
        // A position-consistent judge: the response that sorts later (ordinal) wins; equal texts tie.
        using var judge = new LoopbackChatServer((request, _) =>
        {
            var (_, a, b) = Parse(request);
            var order = string.CompareOrdinal(a, b);
            return (200, $"Reasoning.\nVerdict: {(order > 0 ? "A" : order < 0 ? "B" : "tie")}");
        });
        var lines = Run(root, model, prompts, judge, "out");

        // Each step asks about G(G − 1)/2 = 3 pairs for each of its 2 prompts, each pair twice: 2 steps × 2 × 3 × 2 = 24.
        var requests = judge.Requests.ToList();
        Assert.Equal(Steps * PromptsPerStep * 3 * 2, requests.Count);
        Assert.All(requests, r => Assert.Equal("test-judge", r.Body["model"]!.GetValue<string>()));
        Assert.All(requests, r => Assert.EndsWith("/chat/completions", r.Path));
        var asked = requests.Select(Parse).ToList();
        for (var k = 0; k < asked.Count; k += 2)                              // position swap: (p, a, b) then (p, b, a)
            Assert.Equal((asked[k].Prompt, asked[k].B, asked[k].A), asked[k + 1]);

        Assert.Equal(Steps, lines.Count);
        for (var step = 0; step < Steps; step++)
        {
            var rewardStds = new List<double>();
            var zeroSpread = 0;
            for (var group = 0; group < PromptsPerStep; group++)
            {
                // The group's pairs come in GroupWinRate.AllPairs order (0,1), (0,2), (1,2), each forward then swapped.
                var first = (step * PromptsPerStep + group) * 6;
                var completions = new[] { asked[first].A, asked[first].B, asked[first + 2].B };
                Assert.Equal((completions[1], completions[2]), (asked[first + 4].A, asked[first + 4].B));
                // Win rate of i: (wins + ½ ties) / (G − 1) under the judge's rule; the swap agrees, so nothing is averaged away.
                var rates = completions.Select(c => completions.Sum(o => Math.Sign(string.CompareOrdinal(c, o)) * 0.5 + 0.5) - 0.5)
                    .Select(points => points / (GroupSize - 1)).ToArray();
                var mean = rates.Average();
                var std = Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / (GroupSize - 1));
                rewardStds.Add(std);
                if (std == 0) zeroSpread++;
            }
            var line = lines[step];
            Assert.Equal(step + 1, line.GetProperty("step").GetInt32());
            Assert.Equal(0.5, line.GetProperty("reward/proxy").GetDouble(), 12);   // a group's win rates always average ½
            Assert.Equal(rewardStds.Average(), line.GetProperty("reward/std").GetDouble(), 9);
            Assert.Equal(zeroSpread / (double)PromptsPerStep, line.GetProperty("frac_reward_zero_std").GetDouble(), 12);
        }
        // Random tiny-model completions differ, so the rewards are not all ties: the check above is not vacuous.
        Assert.Contains(lines, l => l.GetProperty("reward/std").GetDouble() > 0.4);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_judge_that_always_picks_the_first_response_is_debiased_into_ties_and_zero_spread_rewards()
    {
        var (root, model, prompts) = Setup();
        using var judge = new LoopbackChatServer((_, _) => (200, "Verdict: A"));
        var lines = Run(root, model, prompts, judge, "biased");
        Assert.Equal(Steps * PromptsPerStep * 3 * 2, judge.Requests.Count);
        // Both orders name "A", i.e. different winners → a tie (½) for every pair → win rates ½, ½, ½ in every group.
        Assert.All(lines, l => Assert.Equal(0, l.GetProperty("reward/std").GetDouble(), 12));
        Assert.All(lines, l => Assert.Equal(1, l.GetProperty("frac_reward_zero_std").GetDouble(), 12));
        Directory.Delete(root, recursive: true);
    }
}
