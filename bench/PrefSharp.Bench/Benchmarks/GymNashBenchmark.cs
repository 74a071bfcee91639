using PrefSharp.Core.Ranking.Intransitive;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Training.Games;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// The game-theoretic methods on the intransitive world's style cycle (<see cref="StyleCycleAnswers"/>): a tabular
/// policy over four answers trained 400 steps by SPO (self-play win rates + GRPO advantages), Nash-MD (opponent from
/// the geometric mixture, τ = 0.1, β = 0.5), MNPO (pairs from π_t against the last three policies, η = 0.5, 20 updates
/// per iteration), the same with one past policy (INPO) and pointwise GRPO on the fitted Bradley–Terry reward, three seeds each
/// (<see cref="AnswerGame"/>). Reported per method: the exploitability of the last and of the averaged policy (0 at
/// the maximal lottery; bound = the uniform start's) and the final policy's win rate against the other methods'.
/// </summary>
public sealed class GymNashBenchmark : IBenchmark
{
    private const int Steps = 400;

    private static readonly AnswerGameOptions Mnpo = new() { LearningRate = 0.2, Eta = 0.5, IterationSteps = 20 };

    private static readonly (string Name, GameMethod Method, AnswerGameOptions Options)[] Methods =
    [
        ("spo", GameMethod.SelfPlay, new() { LearningRate = 0.05 }), ("nash-md", GameMethod.NashMd, new() { LearningRate = 0.2, Tau = 0.1 }),
        ("mnpo", GameMethod.Multiplayer, Mnpo with { Population = 3 }), ("inpo", GameMethod.Multiplayer, Mnpo with { Population = 1 }),
        ("grpo-bt", GameMethod.BradleyTerryGrpo, new() { LearningRate = 0.05 }),
    ];

    public string Name => "gym-nash";

    public string Description => "SPO, Nash-MD, MNPO, INPO and GRPO on a Bradley–Terry reward on the intransitive style cycle: exploitability (distance to the maximal lottery), 3 seeds";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var game = StyleCycleAnswers.Create();
        var start = LotteryDistance.Exploitability([0.25, 0.25, 0.25, 0.25], game.Margin);
        context.Log($"maximal lottery [{string.Join(", ", game.Lottery.Select(p => p.ToString("F3")))}] over {string.Join(" | ", game.Answers)}; uniform exploitability {start:F4}");
        var finals = Methods.ToDictionary(m => m.Name, _ => new List<double[]>());
        var last = Methods.ToDictionary(m => m.Name, _ => new List<double>());
        var average = Methods.ToDictionary(m => m.Name, _ => new List<double>());
        for (var s = 0; s < 3; s++)
            foreach (var (name, method, options) in Methods)
            {
                using var play = new AnswerGame(game.Preference, method, options with { Seed = context.Seed + s });
                for (var step = 1; step <= Steps; step++)
                {
                    play.Step();
                    if (step % 50 == 0)
                        context.Log($"seed {context.Seed + s} {name} step {step}: exploitability last {LotteryDistance.Exploitability(play.Distribution, game.Margin):F4}, "
                            + $"average {LotteryDistance.Exploitability(play.AverageDistribution, game.Margin):F4}");
                }
                finals[name].Add(play.Distribution);
                last[name].Add(LotteryDistance.Exploitability(play.Distribution, game.Margin));
                average[name].Add(LotteryDistance.Exploitability(play.AverageDistribution, game.Margin));
            }
        foreach (var (name, _, _) in Methods)
        {
            context.Log($"{name}: last {SeedStatistics.Format(last[name])}, average {SeedStatistics.Format(average[name])}");
            yield return new BenchResult(Name, $"{name}/exploitability_last", last[name].Average(), "margin", start, last[name].Average() / start);
            yield return new BenchResult(Name, $"{name}/exploitability_average", average[name].Average(), "margin", start, average[name].Average() / start);
            foreach (var (other, _, _) in Methods.Where(m => m.Name != name))
            {
                var rate = Enumerable.Range(0, 3).Average(s => game.WinRate(finals[name][s], finals[other][s]));
                yield return new BenchResult(Name, $"{name}/win_rate_vs_{other}", rate, "probability", 0.5, rate / 0.5);
            }
        }
    }
}
