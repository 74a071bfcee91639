using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;

namespace PrefSharp.Torch.Training.Kto;

/// <summary>
/// Unpaired judgements (TRL's unpaired format: prompt, completion, label) → KTO rows. Row i is a
/// <see cref="TokenizedPair"/> whose first sequence is (x_i, y_i), whose second is (x_i, y_{i+1 mod n}) — a completion
/// written for another prompt, the mismatched sample of KTO's KL estimate (Ethayarajh et al. 2024) — and
/// whose weight is 1 for a desirable completion and 0 for an undesirable one. Both sequences go through
/// <see cref="PairEncoding.Encode"/>, so templates and truncation are those of the pairwise losses.
/// </summary>
public static class KtoEncoding
{
    /// <summary>The rows of the unpaired judgements in <paramref name="records"/>, and how many other records were left out.</summary>
    public static (List<TokenizedPair> Rows, int SkippedOther) EncodeAll(IReadOnlyList<PreferenceRecord> records, ITokenizer tokenizer,
        ChatTemplateKind template, int maxLength)
    {
        var judgements = records.OfType<UnpairedJudgement>().ToList();
        if (judgements.Count == 1) throw new ArgumentException("KTO needs at least two unpaired judgements (the KL estimate pairs a prompt with another's completion)");
        var chat = ChatTemplate.For(tokenizer, template);
        var plain = new PlainTemplate(tokenizer);
        var rows = judgements.Select((judgement, i) =>
        {
            var mismatched = judgements[(i + 1) % judgements.Count].Completion;
            var both = new PreferencePair(judgement.Prompt, judgement.Completion, mismatched);
            return PairEncoding.Encode(both, chat, plain, maxLength, _ => judgement.IsDesirable ? 1.0 : 0.0);
        }).ToList();
        return (rows, records.Count - judgements.Count);
    }
}
