using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>
/// Sequences that count upwards by one from a random start, "s s+1 s+2 …" (ids 3..63 of a 64-token vocabulary): the
/// first two tokens are the prompt, the rest the completion. The rule is exact, so a model can drive the loss to ~0.
/// </summary>
internal static class CountingCorpus
{
    public static List<TokenizedSequence> Make(int count, int seed)
    {
        var random = new Random(seed);
        var sequences = new List<TokenizedSequence>(count);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(6, 13);
            var start = random.Next(3, 64 - length);
            var ids = Enumerable.Range(start, length).ToArray();
            sequences.Add(TokenizedSequence.PromptCompletion(ids[..2], ids[2..]));
        }
        return sequences;
    }
}
