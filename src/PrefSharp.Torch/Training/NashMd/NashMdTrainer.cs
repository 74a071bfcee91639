using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// Online Nash-MD (Munos et al. 2024, "Nash Learning from Human Feedback", Sec. 5 Nash-MD and Sec. 7 Nash-MD-PG) on
/// prompt-only data: the policy plays against its geometric mixture with the reference, π_θ^(1−β)·π_ref^β, sampled
/// token by token, under a preference model P (a gym world's P(a ≻ b) = σ(margin), a GPM, Bradley–Terry over a reward
/// model, or a judge: any pairwise <see cref="IGroupRewardSource"/>), and is improved by the policy gradient of
/// P(π_θ ≻ π_θ^β) − τ·KL(π_θ ‖ π_ref) (<see cref="NashMdLoss"/>). It runs on the shared <see cref="Trainer{TBatch}"/>
/// (<see cref="NashMdRolloutSource"/> feeds one step's micro-batches, <see cref="NashMdObjective"/> is the loss), so
/// optimiser, schedule, clipping, non-finite guard, metrics.jsonl / TensorBoard and resumable checkpoints are the loop's.
/// As in the paper's deep-learning experiments and TRL, the opponent mixes the current policy (not a separate
/// "previous iterate" copy) and each sampled batch gives one gradient step; one policy sample and one opponent per prompt.
/// </summary>
public sealed class NashMdTrainer : IDisposable
{
    private readonly Trainer<NashMdMicroBatch> loop;

    /// <param name="policy">The trained policy.</param>
    /// <param name="reference">The frozen reference π_ref (the opponent's other factor and the KL anchor); same vocabulary.</param>
    /// <param name="preference">A pairwise source: its win rate of y in the group {y, y'} is P(y ≻ y').</param>
    /// <param name="prompts">Prompt-only training data, cycled in a seeded shuffled order.</param>
    /// <param name="decode">Completion ids → text for the preference.</param>
    /// <param name="options">Validated here.</param>
    /// <param name="gold">The true utility when known (the gym), logged as reward/gold; never trained on.</param>
    /// <param name="progress">Where the progress line goes; null: stderr.</param>
    public NashMdTrainer(ICausalLM policy, ICausalLM reference, IGroupRewardSource preference, IReadOnlyList<GrpoPrompt> prompts,
        Func<IReadOnlyList<long>, string> decode, NashMdOptions options, Func<string, string, double>? gold = null,
        ProgressReporter? progress = null)
    {
        Options = options.Validate();
        if (!preference.IsPairwise)
            throw new ArgumentException($"Nash-MD needs a preference P(y ≻ y'), and {preference.Name} is a pointwise score; use a pairwise source", nameof(preference));
        if (prompts.Count == 0) throw new ArgumentException("no prompts to train on", nameof(prompts));
        if (prompts.FirstOrDefault(p => p.Ids.Count == 0) is { } empty)
            throw new ArgumentException($"prompt \"{empty.Text}\" has no tokens; every prompt needs at least one", nameof(prompts));
        var source = new NashMdRolloutSource(policy, reference, preference, prompts, decode, gold, Options, () => loop!.Step);
        loop = new Trainer<NashMdMicroBatch>(TrainableModel.FromCausalLM(policy, folder => SaveAlongside?.Invoke(folder)),
            new NashMdObjective(policy, Options.Tau), source, Options.Training with { GradientAccumulation = source.MicroBatchesPerStep },
            countTokens: batch => batch.Rows.AttentionMask.sum().item<long>(), progress: progress)
        {
            SavedOptions = Options,
        };
    }

    /// <summary>The validated options.</summary>
    public NashMdOptions Options { get; }

    /// <summary>Steps completed.</summary>
    public long Step => loop.Step;

    /// <summary>Writes extra files into every checkpoint folder (the tokenizer); null: none.</summary>
    public Action<string>? SaveAlongside { get; set; }

    /// <summary>Raised after every step.</summary>
    public event Action<StepReport>? StepCompleted
    {
        add => loop.StepCompleted += value;
        remove => loop.StepCompleted -= value;
    }

    /// <summary>Resumes from the newest complete checkpoint in the output folder; false when there is none.</summary>
    public bool ResumeFromLatest() => loop.ResumeFromLatest();

    /// <summary>Trains all steps, logging and checkpointing as the shared loop does.</summary>
    public TrainingResult Run(CancellationToken cancellation = default) => loop.Run(cancellation);

    public void Dispose() => loop.Dispose();
}
