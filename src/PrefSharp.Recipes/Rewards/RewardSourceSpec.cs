using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Judging;
using PrefSharp.Evaluation.Judging;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Recipes.Rewards;

/// <summary>
/// <c>--reward</c> of <c>prefsharp grpo</c>: <c>gym:WORLD</c> (the world's gold utility, or with <c>gym:WORLD:GROUP</c> one
/// annotator group's utility; with --pairwise, win rates
/// from the world's preference P(a ≻ b) = σ(margin), which keeps an intransitive world intransitive), <c>rm:DIR</c>
/// (a reward model, or the folder of a <c>train-rm --ensemble K</c> ensemble combined by a <see cref="RewardEnsembleChoice"/>; with --pairwise, Bradley–Terry win rates σ(r_i − r_j), or for a General Preference Model checkpoint
/// its own preference σ(⟨R(x) v_i, v_j⟩ / β), which needs --pairwise) or <c>judge:URL</c> (an OpenAI-compatible
/// judge asked about every pair in both orders; always pairwise) or <c>cdr:STRONG,WEAK</c> (two causal-LM checkpoints,
/// the log-density ratio of the first over the second), <c>flr:DIR</c> (follow-up likelihood; <see cref="LikelihoodRewardSpec"/>),
/// or the label-free <c>ttrl</c> and <c>evol</c> (the group's majority answer, with EVOL-RL's novelty;
/// <see cref="MajorityVoteRewardSource"/>). <c>online-dpo</c> parses its <c>--label</c> with the
/// same forms (the flag named in errors), a gym world labelled by its simulated annotators
/// (the <c>gym</c> argument) and a reward model scoring pointwise (the Bradley–Terry label: the higher reward is chosen).
/// </summary>
public sealed partial class RewardSourceSpec : IDisposable
{
    private readonly List<IDisposable> owned = [];

    private RewardSourceSpec(IGroupRewardSource source, IWorld? world) => (Source, World) = (source, world);

    /// <summary>The reward the policy is trained on.</summary>
    public IGroupRewardSource Source { get; }

    /// <summary>The gym world when the reward is one (its utility is then also the logged gold reward).</summary>
    public IWorld? World { get; }

    /// <param name="option">The flag named in error messages.</param>
    /// <param name="judgeTimeout">Seconds one judge request may take before it is retried.</param>
    /// <param name="gym">The source for <c>gym:WORLD</c>; null: the world's gold utility (or its preference with <paramref name="pairwise"/>).</param>
    /// <param name="ensemble">How an ensemble folder's members are combined; null: their mean.</param>
    public static RewardSourceSpec Parse(string spec, bool pairwise, string? judgeModel, int maxLength, string option = "--reward",
        Func<IWorld, IGroupRewardSource>? gym = null, double judgeTimeout = 60, RewardEnsembleChoice? ensemble = null)
    {
        if (spec is "ttrl" or "evol")
        {
            if (pairwise) throw new ArgumentException($"{option} {spec}: a majority-vote reward is already relative within the group; drop --pairwise", "--pairwise");
            return new RewardSourceSpec(new MajorityVoteRewardSource(novelty: spec == "evol"), null);
        }
        var colon = spec.IndexOf(':');
        var (kind, value) = colon > 0 ? (spec[..colon], spec[(colon + 1)..]) : (spec, "");
        if (value.Length == 0) throw Bad(spec, option);
        switch (kind)
        {
            case "gym":
            {
                var (worldName, group) = value.IndexOf(':') is var g and > 0 ? (value[..g], value[(g + 1)..]) : (value, null);
                var world = WorldCatalog.Get(worldName, option);
                if (group is not null && (gym is not null || !world.Groups.Contains(group)))
                    throw gym is not null ? new ArgumentException($"{option}: gym:WORLD:GROUP is a reward for grpo, not a labeller", option) : world.UnknownGroup(group);
                var name = group is null ? $"gym-{world.Name}" : $"gym-{world.Name}-{group}";
                var source = gym?.Invoke(world) ?? (pairwise
                    ? (IGroupRewardSource)WinRateRewardSource.FromPreference($"{name}-preference", (p, a, b) => Sigmoid(world.PreferenceMargin(p, a, b, group)))
                    : PointwiseRewardSource.FromFunction(name, (p, r) => world.GroupUtility(p, r, group)));
                return new RewardSourceSpec(source, world);
            }
            case "rm":
            {
                if (!Directory.Exists(value)) throw new ArgumentException($"{option}: reward model folder {value} does not exist", option);
                if (RewardEnsembleFolder.IsEnsemble(value)) return Ensemble(value, pairwise, maxLength, ensemble ?? new RewardEnsembleChoice());
                var model = RewardCheckpoint.Load(value);
                if (model.Config.IsGeneralPreference && !pairwise)
                {
                    model.Dispose();
                    throw new ArgumentException($"{option} rm:{value} is a General Preference Model: it has no scalar reward, only preferences; add --pairwise", "--pairwise");
                }
                var tokenizer = TokenizerFiles.Load(value);
                TokenizedSequence Encode(string p, string c) => RewardPairs.Encode(tokenizer, Passage.FromText(p), Passage.FromText(c), maxLength);
                IGroupRewardSource source = model.Config.IsGeneralPreference ? WinRateRewardSource.FromRewardModel(model, Encode)
                    : pairwise ? WinRateRewardSource.BradleyTerry(PointwiseRewardSource.FromRewardModel(model, Encode))
                    : PointwiseRewardSource.FromRewardModel(model, Encode);
                var spec2 = new RewardSourceSpec(source, null);
                spec2.owned.Add(model);
                return spec2;
            }
            case "judge":
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var url)) throw new ArgumentException($"{option}: {value} is not an absolute URL", option);
                if (string.IsNullOrWhiteSpace(judgeModel)) throw new ArgumentException($"--judge-model is required with {option} judge:URL", "--judge-model");
                if (!(judgeTimeout > 0)) throw new ArgumentException($"--judge-timeout must be > 0 seconds, found {judgeTimeout}", "--judge-timeout");
                var client = new ChatJudgeClient(new JudgeClientOptions
                {
                    BaseUrl = url, Model = judgeModel, ApiKey = Environment.GetEnvironmentVariable("PREFSHARP_JUDGE_API_KEY"),
                    Timeout = TimeSpan.FromSeconds(judgeTimeout),
                });
                var judged = new RewardSourceSpec(WinRateRewardSource.FromJudge(new PositionSwapJudge(new ChatJudge(client))), null);
                judged.owned.Add(client);
                return judged;
            }
            case "cdr" or "flr":
            {
                var likelihood = LikelihoodRewardSpec.Load(spec, option);
                var source = new RewardSourceSpec(pairwise ? WinRateRewardSource.BradleyTerry(likelihood.AsSource()) : likelihood.AsSource(), null);
                source.owned.Add(likelihood);
                return source;
            }
            default: throw Bad(spec, option);
        }
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static ArgumentException Bad(string spec, string option) =>
        new($"{option} must be gym:WORLD ({string.Join(", ", WorldCatalog.Names)}), rm:DIR, judge:URL, cdr:STRONG,WEAK, flr:DIR, ttrl or evol, found \"{spec}\"", option);

    public void Dispose()
    {
        foreach (var item in owned) item.Dispose();
    }
}
