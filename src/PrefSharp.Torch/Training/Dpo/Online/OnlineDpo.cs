using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// Iterative on-policy DPO as a loop the caller drives round by round (<see cref="RunRound"/>): sample K responses per
/// prompt from the current policy (<see cref="PolicySampler"/>), score them with a pluggable labeller — any
/// <see cref="IGroupRewardSource"/>: the gym's simulated annotators (<see cref="AnnotatorPanelSource"/>, win rates), a
/// reward model (<see cref="PointwiseRewardSource.FromRewardModel"/>, Bradley–Terry: the higher reward is chosen) or a
/// pairwise judge (<see cref="WinRateRewardSource.FromJudge"/>) — select pairs (<see cref="OnlinePairs"/>: DNO
/// best-vs-worst, Rosset et al. 2024, Alg. 2, or RSO, Liu et al. 2024, Alg. 1) and train one <see cref="DpoTrainer"/>
/// run on them (Xiong et al. 2024, "Iterative Preference Learning from Human Feedback").
/// </summary>
/// <remarks>
/// The reference is fixed (the model passed, or the policy as it was when the loop was built) unless
/// <see cref="OnlineDpoOptions.RefreshReference"/>. With <see cref="OnlineDpoOptions.Momentum"/> α &gt; 0 (APO), each
/// round's trained policy is extrapolated by <see cref="NesterovExtrapolation"/> before the next round samples. With CREAM (<see cref="CreamConsistency"/>), the "previous reward
/// model" whose ranking of this round's samples is compared with the labeller's is the DPO implicit reward that the
/// previous round taught, log π_t(y|x) − log π_{t−1}(y|x) (π_t the policy now, π_{t−1} the policy the previous round
/// started from): in CREAM's self-rewarding setting both rankings come from the policy's own implicit rewards, here the
/// labeller is external, so consistency measures whether what the last round learned agrees with the labeller's current
/// ranking. The first round has no previous one and uses C = 1 (plain DPO).
/// </remarks>
public sealed class OnlineDpo : IDisposable
{
    private readonly IGroupRewardSource labeller;
    private readonly Func<string, string, double>? gold;
    private readonly ProgressReporter progress;
    private readonly ICausalLM reference;
    private readonly ICausalLM? ownedReference;
    private ICausalLM? previousPolicy;
    private readonly NesterovExtrapolation? momentum;

    /// <param name="policy">The policy trained in place, with its tokenizer (owned by the caller).</param>
    /// <param name="labeller">Scores the K samples of each prompt; higher is better.</param>
    /// <param name="reference">Fixed DPO reference (owned by the caller); null copies the policy as it is now.</param>
    /// <param name="gold">A gold utility u(prompt, response) to report (a gym world's); null: none.</param>
    public OnlineDpo(PolicySampler policy, IGroupRewardSource labeller, OnlineDpoOptions options, ICausalLM? reference = null,
        Func<string, string, double>? gold = null, ProgressReporter? progress = null)
    {
        Options = options.Validate();
        Policy = policy;
        this.labeller = labeller;
        this.gold = gold;
        this.progress = progress ?? ProgressReporter.Silent;
        this.reference = reference ?? (ownedReference = FrozenReference.CopyOf(policy.Model));
        momentum = Options.Momentum > 0 ? new NesterovExtrapolation(policy.Model.Module, Options.Momentum) : null;
    }

    /// <summary>The validated options.</summary>
    public OnlineDpoOptions Options { get; }

    /// <summary>The policy (trained in place).</summary>
    public PolicySampler Policy { get; }

    /// <summary>
    /// Round <paramref name="round"/> (1-based) on <paramref name="prompts"/>: sample, label, select, train.
    /// <paramref name="random"/> drives RSO's acceptance draws (a gym labeller holds its own, often the same, generator).
    /// </summary>
    public OnlineDpoRound RunRound(int round, IReadOnlyList<string> prompts, Random random)
    {
        if (round < 1) throw new ArgumentException($"round must be ≥ 1, found {round}", nameof(round));
        var k = Options.SamplesPerPrompt;
        var samples = Policy.Sample(prompts, k, unchecked(Options.Seed + 1000L * round), Options.MaxNewTokens);
        var groups = Enumerable.Range(0, prompts.Count)
            .Select(p => new CompletionGroup(prompts[p], samples.Responses.Skip(p * k).Take(k).ToList())).ToList();
        var scores = labeller.Score(groups).Rewards;
        var consistency = Consistency(samples, scores);
        var beta = Options.RsoBeta ?? Options.Dpo.LossOptions.Beta;
        var (selected, dropped) = OnlinePairs.Select(samples.Responses, scores, k, Options.Pairs, Options.MinMargin, random, beta, Options.RsoAccepted);
        if (selected.Count == 0)
            throw new InvalidOperationException($"round {round}: no pair of samples was separated by the labeller ({dropped} dropped); nothing to learn from");
        var cream = Options.Cream != CreamMode.Off;
        var pairs = selected.Select(p => new TokenizedPair(Sequence(samples, p.Chosen), Sequence(samples, p.Rejected),
            cream ? consistency[p.Prompt] : null)).ToList();
        if (cream) RememberPolicy();

        var dpo = cream
            ? Options.Dpo with { Losses = Options.Dpo.Losses.Select(l => l.Type == PreferenceLossType.Sigmoid ? l with { Type = PreferenceLossType.SoftLabel } : l).ToList() }
            : Options.Dpo;
        var training = Options.Training with
        {
            OutputDirectory = Path.Combine(Options.Training.OutputDirectory, $"round-{round}"),
            Seed = unchecked(Options.Seed + round - 1),
        };
        var tokenizer = Policy.Tokenizer;
        var losses = new List<double>();
        using var trainer = new DpoTrainer(Policy.Model, pairs, tokenizer.PaddingId(), dpo, training, pairs,
            Options.RefreshReference ? null : reference, progress);
        trainer.Trainer.StepCompleted += step => losses.Add(step.Loss);
        var result = trainer.Run();
        momentum?.Extrapolate(Policy.Model.Module);

        double? sampleGold = gold is null ? null : Enumerable.Range(0, samples.Count).Average(i => gold(samples.Prompts[i], samples.Responses[i]));
        double? goldGap = gold is null ? null
            : selected.Average(p => gold(samples.Prompts[p.Chosen], samples.Responses[p.Chosen]) - gold(samples.Prompts[p.Rejected], samples.Responses[p.Rejected]));
        return new OnlineDpoRound(round, samples.Count, pairs.Count, dropped, selected.Average(p => p.Margin),
            selected.Average(p => consistency[p.Prompt]), losses, result.LastEvaluation?.Metrics ?? new Dictionary<string, double>(), sampleGold, goldGap);
    }

    /// <summary>Per-prompt weights C (all 1 without CREAM or before a previous round exists).</summary>
    private double[] Consistency(PolicySamples samples, double[] scores)
    {
        var prompts = samples.Count / Options.SamplesPerPrompt;
        if (Options.Cream == CreamMode.Off || previousPolicy is null) return Enumerable.Repeat(1.0, prompts).ToArray();
        using var previous = new PolicySampler(previousPolicy, Policy.Tokenizer);
        var previousLogProbs = previous.LogProbs(samples.PromptIds, samples.CompletionIds);
        var taught = samples.LogProbs.Select((logProb, i) => logProb - previousLogProbs[i]).ToList();
        return CreamConsistency.PromptWeights(scores, taught, Options.SamplesPerPrompt, Options.Cream);
    }

    private void RememberPolicy()
    {
        previousPolicy?.Dispose();
        previousPolicy = FrozenReference.CopyOf(Policy.Model);
    }

    private static TokenizedSequence Sequence(PolicySamples samples, int row) =>
        TokenizedSequence.PromptCompletion(samples.PromptIds[row], samples.CompletionIds[row]);

    public void Dispose()
    {
        momentum?.Dispose();
        previousPolicy?.Dispose();
        ownedReference?.Dispose();
    }
}
