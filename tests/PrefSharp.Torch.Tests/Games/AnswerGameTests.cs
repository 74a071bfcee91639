using PrefSharp.Core.Ranking.Intransitive;
using PrefSharp.Torch.Training.Games;
using Xunit.Abstractions;

namespace PrefSharp.Torch.Tests.Games;

/// <summary>
/// The intransitive world's style cycle as a game (<see cref="StyleCycleAnswers"/>). The claims of SPO (Swamy et al.
/// 2024) and Nash-MD (Munos et al. 2024): the policy approaches the maximal lottery, which a scalar (Bradley–Terry)
/// reward cannot represent.
/// </summary>
public sealed class AnswerGameTests(ITestOutputHelper output)
{
    [Fact]
    public void The_target_is_a_mixed_lottery_over_the_three_styles_and_a_scalar_reward_ranks_one_style_first()
    {
        var game = StyleCycleAnswers.Create();
        var (_, preference, margin, lottery) = game;
        for (var j = 0; j < 4; j++)                                                               // it wins or ties against every answer
            Assert.True(game.WinRate(lottery, [.. Enumerable.Range(0, 4).Select(i => i == j ? 1.0 : 0)]) >= 0.5 - 1e-9);
        Assert.All(lottery.Take(3), p => Assert.True(p > 0.05, string.Join(", ", lottery)));   // every style is needed against the cycle
        Assert.Equal(0, lottery[3], 9);                                                           // the worse formal answer is dominated
        Assert.Equal(0, LotteryDistance.Exploitability(lottery, margin), 9);
        var bt = AnswerGame.BradleyTerryRewards(preference);
        Assert.True(LotteryDistance.Exploitability([.. bt.Select(r => r == bt.Max() ? 1.0 : 0)], margin) > 0.2, "the BT-best answer alone is exploitable");
    }

    [Theory]
    [InlineData(GameMethod.SelfPlay, 0.05, false)]   // SPO's guarantee is for the average of its iterates (no regret)
    [InlineData(GameMethod.NashMd, 0.2, true)]       // Nash-MD's is for the last iterate (to the τ-regularised equilibrium)
    [InlineData(GameMethod.Multiplayer, 0.2, true)]  // MNPO's population of three past policies steadies the last iterate
    public void Self_play_and_Nash_MD_approach_the_maximal_lottery_and_GRPO_on_a_Bradley_Terry_reward_does_not(GameMethod method, double learningRate, bool lastIterate)
    {
        var (_, preference, margin, _) = StyleCycleAnswers.Create();
        var options = new AnswerGameOptions { Seed = 3, LearningRate = learningRate, Tau = 0.1, IterationSteps = 20 };
        using var game = new AnswerGame(preference, method, options);
        using var baseline = new AnswerGame(preference, GameMethod.BradleyTerryGrpo, options);
        double Distance(AnswerGame g) => LotteryDistance.Exploitability(lastIterate ? g.Distribution : g.AverageDistribution, margin);
        var start = Distance(game);
        for (var step = 1; step <= 400; step++)
        {
            game.Step();
            baseline.Step();
            if (step % 100 == 0) output.WriteLine($"{step}: {method} {Distance(game):F4}, BT-GRPO {Distance(baseline):F4}");
        }
        Assert.True(Distance(game) < start / 2.5, $"exploitability {start:F4} → {Distance(game):F4}");
        Assert.True(Distance(game) < Distance(baseline) / 2, $"{method} {Distance(game):F4}, BT-GRPO {Distance(baseline):F4}");
    }

    [Fact]
    public void Playing_a_population_of_three_past_policies_ends_nearer_the_lottery_than_playing_the_last_one_alone()
    {
        var (_, preference, margin, _) = StyleCycleAnswers.Create();
        double LastIterate(int population) => Enumerable.Range(0, 3).Average(seed =>
        {
            using var game = new AnswerGame(preference, GameMethod.Multiplayer, new AnswerGameOptions { Seed = 10 + seed, LearningRate = 0.2, Population = population, IterationSteps = 20 });
            for (var step = 0; step < 400; step++) game.Step();
            return LotteryDistance.Exploitability(game.Distribution, margin);
        });
        var (inpo, mnpo) = (LastIterate(1), LastIterate(3));
        output.WriteLine($"exploitability of the last iterate: one opponent (INPO) {inpo:F4}, three (MNPO) {mnpo:F4}");
        Assert.True(mnpo < inpo / 1.5, $"one opponent {inpo:F4}, three {mnpo:F4}");
    }
}
