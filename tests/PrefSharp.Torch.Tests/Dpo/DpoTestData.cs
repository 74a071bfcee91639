using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tests.Dpo;

/// <summary>Small pair batches for the tiny models of <c>TinyConfigs</c> (vocabulary 64).</summary>
internal static class DpoTestData
{
    /// <summary><paramref name="count"/> pairs: a 3-token prompt, a chosen completion of 3–5 tokens and a rejected one of 2–4.</summary>
    public static PairBatch Pairs(int count, int seed, double[]? weights = null)
    {
        var random = new Random(seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 64)).ToArray();
        var chosen = new List<TokenizedSequence>();
        var rejected = new List<TokenizedSequence>();
        for (var i = 0; i < count; i++)
        {
            var prompt = Tokens(3);
            chosen.Add(TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(3, 6))));
            rejected.Add(TokenizedSequence.PromptCompletion(prompt, Tokens(random.Next(2, 5))));
        }
        return new PairBatch(SequenceBatch.Collate(chosen, 0), SequenceBatch.Collate(rejected, 0), weights);
    }

    /// <summary>The rows of <paramref name="batch"/> in reverse order.</summary>
    public static PairBatch Reversed(PairBatch batch)
    {
        var order = TorchSharp.torch.arange(batch.Count - 1, -1, -1);
        SequenceBatch Flip(SequenceBatch b) => new(b.InputIds.index_select(0, order), b.AttentionMask.index_select(0, order), b.LossMask.index_select(0, order));
        return new PairBatch(Flip(batch.Chosen), Flip(batch.Rejected));
    }
}
