using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Rewards.Likelihood;

/// <summary>
/// The customised density ratio (CDR; Xu et al. 2024, "CDR: Customizable Density Ratios of Strong-over-weak LLMs for
/// Preference Annotation"): the reward of a response is the log-density ratio of a better-aligned model over a less
/// aligned one, r(x, y) = log π_strong(y | x) − log π_weak(y | x), with no reward model trained. Each model reads the
/// pair through its own tokenizer: the chat template when its tokenizer has one, else the gym's plain text
/// (<see cref="GymText"/>: "PROMPT:" then " RESPONSE" and EOS, EOS scored as in training). The paper's customisation
/// (criteria and exemplars in the prompt) is the caller's prompt text.
/// </summary>
public sealed class DensityRatioReward : ILikelihoodReward
{
    private readonly Scorer strong;
    private readonly Scorer weak;
    private bool owns;

    public DensityRatioReward(ICausalLM strongModel, ITokenizer strongTokenizer, ICausalLM weakModel, ITokenizer weakTokenizer)
    {
        strong = new Scorer(strongModel, ChatTemplate.For(strongTokenizer));
        weak = new Scorer(weakModel, ChatTemplate.For(weakTokenizer));
    }

    /// <summary>Loads the two checkpoint folders (weights and tokenizer files each); the reward owns them.</summary>
    public static DensityRatioReward Load(string strongFolder, string weakFolder)
    {
        var strongModel = Checkpoint.Load(strongFolder);
        try
        {
            return new DensityRatioReward(strongModel, TokenizerFiles.Load(strongFolder), Checkpoint.Load(weakFolder), TokenizerFiles.Load(weakFolder)) { owns = true };
        }
        catch
        {
            strongModel.Dispose();
            throw;
        }
    }

    /// <summary>r(x, y) of each (prompt, response), in input order.</summary>
    public double[] Score(IReadOnlyList<(string Prompt, string Completion)> items, int batchSize = 32)
    {
        var high = strong.LogProbs(items, batchSize);
        var low = weak.LogProbs(items, batchSize);
        return [.. high.Select((h, i) => h - low[i])];
    }

    /// <summary>The reward as a pointwise source for <c>grpo --reward</c> and <c>online-dpo --label</c>.</summary>
    public PointwiseRewardSource AsSource() => new("cdr", items => Score(items));

    public void Dispose()
    {
        if (!owns) return;
        strong.Model.Dispose();
        weak.Model.Dispose();
    }

    private sealed record Scorer(ICausalLM Model, ChatTemplate Template)
    {
        public double[] LogProbs(IReadOnlyList<(string Prompt, string Completion)> items, int batchSize) =>
            ScoredLogProbs.Compute(Model, items.Select(i => Encode(i.Prompt, i.Completion)).ToList(), Template.Tokenizer.PaddingId(), batchSize);

        private TokenizedSequence Encode(string prompt, string completion) => Template.Kind == ChatTemplateKind.Plain
            ? GymText.Example(Template, prompt, completion)
            : Template.PromptCompletion(prompt, completion);
    }
}
