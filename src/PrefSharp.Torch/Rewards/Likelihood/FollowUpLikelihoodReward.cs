using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Rewards.Likelihood;

/// <summary>
/// Follow-up likelihood as reward (FLR; Zhang et al. 2024, "Aligning Language Models Using Follow-up Likelihood as Reward
/// Signal"): a response is good when a language model expects the user to answer it with praise rather than complaint,
/// r(x, y) = mean_{f ∈ F⁺} ℓ(f ∣ x, y) − mean_{f ∈ F⁻} ℓ(f ∣ x, y), with ℓ the log-likelihood per token of the
/// follow-up f as the user's next turn. With a chat template the follow-up is a user turn after the assistant's answer
/// (scored: its tokens after the conversation so far); with the plain template it continues the gym text
/// "PROMPT: RESPONSE". The follow-ups are the caller's, or a few of each kind written for PrefSharp (the paper's own
/// lists are longer).
/// </summary>
public sealed class FollowUpLikelihoodReward : ILikelihoodReward
{
    /// <summary>Positive follow-ups used when none are given.</summary>
    public static IReadOnlyList<string> DefaultPositive { get; } = ["Thank you, that is exactly what I needed.", "Great answer, that helps a lot.", "Perfect, thanks!"];

    /// <summary>Negative follow-ups used when none are given.</summary>
    public static IReadOnlyList<string> DefaultNegative { get; } = ["That is not what I asked.", "This answer is wrong.", "That does not help me at all."];

    private readonly ICausalLM model;
    private readonly ChatTemplate template;
    private readonly IReadOnlyList<string> positive;
    private readonly IReadOnlyList<string> negative;
    private bool owns;

    public FollowUpLikelihoodReward(ICausalLM model, ITokenizer tokenizer, IReadOnlyList<string>? positive = null, IReadOnlyList<string>? negative = null)
    {
        this.model = model;
        template = ChatTemplate.For(tokenizer);
        this.positive = positive ?? DefaultPositive;
        this.negative = negative ?? DefaultNegative;
        if (this.positive.Count == 0 || this.negative.Count == 0) throw new ArgumentException("FLR needs at least one positive and one negative follow-up");
    }

    /// <summary>Loads a causal-LM checkpoint folder (weights and tokenizer files); the reward owns it.</summary>
    public static FollowUpLikelihoodReward Load(string folder) => new(Checkpoint.Load(folder), TokenizerFiles.Load(folder)) { owns = true };

    /// <summary>r(x, y) of each (prompt, response), in input order.</summary>
    public double[] Score(IReadOnlyList<(string Prompt, string Completion)> items, int batchSize = 32)
    {
        var followUps = positive.Concat(negative).ToList();
        var sequences = items.SelectMany(i => followUps.Select(f => Encode(i.Prompt, i.Completion, f))).ToList();
        var logProbs = ScoredLogProbs.Compute(model, sequences, template.Tokenizer.PaddingId(), batchSize);
        double PerToken(int k) => logProbs[k] / sequences[k].ScoredTokens;
        return [.. items.Select((_, i) =>
        {
            var first = i * followUps.Count;
            return Enumerable.Range(first, positive.Count).Average(PerToken) - Enumerable.Range(first + positive.Count, negative.Count).Average(PerToken);
        })];
    }

    /// <summary>The reward as a pointwise source for <c>grpo --reward</c> and <c>online-dpo --label</c>.</summary>
    public PointwiseRewardSource AsSource() => new("flr", items => Score(items));

    /// <summary>The conversation (prompt, response) followed by the follow-up, scored on the follow-up's tokens only.</summary>
    public TokenizedSequence Encode(string prompt, string response, string followUp)
    {
        IReadOnlyList<int> context, full;
        if (template.Kind == ChatTemplateKind.Plain)
        {
            context = [.. template.Prompt(GymText.Prompt(prompt)), .. template.Tokenizer.Encode(GymText.Completion(response))];
            full = [.. context, .. template.Tokenizer.Encode(" " + followUp.Trim())];
        }
        else
        {
            context = template.Conversation([new Message("user", prompt), new Message("assistant", response)]).Ids;
            full = template.Conversation([new Message("user", prompt), new Message("assistant", response), new Message("user", followUp)]).Ids;
            if (!full.Take(context.Count).SequenceEqual(context))
                throw new InvalidOperationException("the chat template renders the conversation differently once a turn follows; FLR cannot isolate the follow-up");
        }
        return new TokenizedSequence(full, [.. full.Select((_, i) => i >= context.Count)]);
    }

    public void Dispose()
    {
        if (owns) model.Dispose();
    }
}
