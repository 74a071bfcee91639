using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.NashMd;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Games;

/// <summary>
/// The closed-form test bed of the game-theoretic methods: a softmax policy over a fixed set of K answers to one
/// prompt, starting uniform (also the reference π_ref), facing a known preference P(i ≻ j) (a gym world's σ(margin)),
/// whose maximal lottery is computable exactly (<see cref="Core.Ranking.Intransitive.MaximalLottery"/>). Each
/// <see cref="Step"/> samples G answers for each of B groups and updates by <see cref="GameMethod"/> with the library's
/// own pieces: <see cref="GroupWinRate"/>, <see cref="GroupAdvantages"/>, <see cref="GrpoLoss"/>,
/// <see cref="GeometricMixture"/>, <see cref="NashMdLoss"/>, <see cref="Losses.Preference.MnpoLoss"/>, so the dynamics measured here are those of the trainers.
/// </summary>
public sealed partial class AnswerGame : IDisposable
{
    private readonly Tensor preference;         // (K, K) float64, P(i ≻ j)
    private readonly Tensor? bradleyTerry;      // (K) fitted log-strengths, the pointwise reward
    private readonly Parameter logits;          // (K)
    private readonly Tensor referenceLogits;    // (K) zeros: uniform
    private readonly optim.Optimizer optimizer;
    private readonly Generator generator;
    private readonly PolicyPopulation? population;   // MNPO's last n policies
    private readonly double[] sum;

    /// <param name="preference">P(i ≻ j) for K answers, with P(i ≻ j) + P(j ≻ i) = 1.</param>
    public AnswerGame(double[,] preference, GameMethod method, AnswerGameOptions options)
    {
        var k = preference.GetLength(0);
        if (k < 2 || preference.GetLength(1) != k) throw new ArgumentException($"the preference must be K × K with K ≥ 2, found {k} × {preference.GetLength(1)}", nameof(preference));
        (Method, Options) = (method, options);
        this.preference = tensor(preference, ScalarType.Float64);
        bradleyTerry = method == GameMethod.BradleyTerryGrpo ? tensor(BradleyTerryRewards(preference)) : null;
        logits = new Parameter(zeros(k, ScalarType.Float64));
        referenceLogits = zeros(k, ScalarType.Float64);
        optimizer = optim.SGD([logits], options.LearningRate);
        generator = new Generator(unchecked((ulong)options.Seed));
        sum = Distribution;
        if (method == GameMethod.Multiplayer)
        {
            using var start = referenceLogits.log_softmax(0);
            population = new PolicyPopulation(options.Population, start);
        }
    }

    /// <summary>P(i ≻ j) = σ(margin) of <paramref name="world"/> among <paramref name="answers"/> to <paramref name="prompt"/>.</summary>
    public static double[,] Preference(IWorld world, string prompt, IReadOnlyList<string> answers)
    {
        var p = new double[answers.Count, answers.Count];
        for (var i = 0; i < answers.Count; i++)
            for (var j = 0; j < answers.Count; j++)
                p[i, j] = i == j ? 0.5 : 1 / (1 + Math.Exp(-world.PreferenceMargin(prompt, answers[i], answers[j], null)));
        return p;
    }

    /// <summary>The Bradley–Terry log-strengths fitted to the whole matrix (one soft battle per ordered pair), the best scalar reward.</summary>
    public static double[] BradleyTerryRewards(double[,] preference)
    {
        var k = preference.GetLength(0);
        var battles = from i in Enumerable.Range(0, k) from j in Enumerable.Range(0, k) where i != j
                      select new Battle($"{i}", $"{j}", preference[i, j] >= 0.5 ? BattleOutcome.A : BattleOutcome.B) { ScoreA = preference[i, j] };
        var fit = BradleyTerry.Fit(battles.ToList());
        return [.. Enumerable.Range(0, k).Select(i => fit.StrengthOf($"{i}"))];
    }

    public GameMethod Method { get; }

    public AnswerGameOptions Options { get; }

    /// <summary>Updates taken so far.</summary>
    public int Steps { get; private set; }

    /// <summary>The current policy π_t over the answers.</summary>
    public double[] Distribution
    {
        get
        {
            using var p = logits.detach().softmax(0);
            return p.data<double>().ToArray();
        }
    }

    /// <summary>The average of π_0 … π_t (the iterate no-regret results speak about).</summary>
    public double[] AverageDistribution => [.. sum.Select(s => s / (Steps + 1))];

    /// <summary>One sampled update of the policy.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        var (groups, size) = (Options.Groups, Options.GroupSize);
        Tensor actions;
        using (no_grad())
        {
            var sampler = population is null ? logits.softmax(0) : population.Latest.exp();
            actions = sampler.multinomial(groups * size, replacement: true, generator: generator);                          // (B·G)
        }
        optimizer.zero_grad();
        var loss = population is null ? Loss(actions, logits.log_softmax(0).index_select(0, actions)) : MultiplayerLoss(actions);
        loss.backward();
        optimizer.step();
        Steps++;
        AdvancePopulation();
        var current = Distribution;
        for (var i = 0; i < sum.Length; i++) sum[i] += current[i];
    }

    private Tensor Loss(Tensor actions, Tensor logProbs)
    {
        var n = actions.shape[0];
        if (Method == GameMethod.NashMd)
        {
            Tensor opponents, wins;
            using (no_grad())
            {
                var mixture = GeometricMixture.LogProbs(logits.detach().unsqueeze(0), referenceLogits.unsqueeze(0), Options.MixtureCoefficient).squeeze(0);
                opponents = mixture.exp().multinomial(n, replacement: true, generator: generator);                            // (B·G)
                wins = preference.index_select(0, actions).gather(1, opponents.unsqueeze(1)).squeeze(1);                         // P(a ≻ a')
            }
            var reference = referenceLogits.log_softmax(0).index_select(0, actions);
            return NashMdLoss.Sum(logProbs, reference, wins, Options.Tau) / n;
        }
        Tensor rewards;
        using (no_grad())
        {
            rewards = Method == GameMethod.SelfPlay
                ? GroupWinRate.Compute(GroupPreferences(actions.view(Options.Groups, Options.GroupSize))).reshape(-1)
                : bradleyTerry!.index_select(0, actions);
        }
        var advantages = GroupAdvantages.Compute(rewards, Options.GroupSize);
        var mask = ones(n, 1, ScalarType.Int64);
        return GrpoLoss.Compute(new GrpoLossInputs(logProbs.unsqueeze(1), null, null, advantages, mask)).Loss;
    }

    /// <summary>actions (B, G) → P[b, i, j] = P(a_bi ≻ a_bj), (B, G, G).</summary>
    private Tensor GroupPreferences(Tensor actions) =>
        preference.index_select(0, actions.reshape(-1)).view(actions.shape[0], actions.shape[1], -1)   // (B, G, K)
            .gather(2, actions.unsqueeze(1).expand(-1, actions.shape[1], -1));                          // (B, G, G)

    public void Dispose()
    {
        optimizer.Dispose();
        generator.Dispose();
        population?.Dispose();
        logits.Dispose();
        referenceLogits.Dispose();
        preference.Dispose();
        bradleyTerry?.Dispose();
    }
}
