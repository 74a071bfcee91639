using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.LogProbs;

public class CompletionLogProbsTests
{
    [Fact]
    public void Padded_batch_scores_each_completion_as_if_it_were_alone()
    {
        using var model = TinyConfigs.Create("llama");
        model.Module.eval();
        var longer = TokenizedSequence.PromptCompletion([5, 6, 7], [8, 9, 10]);
        var shorter = TokenizedSequence.PromptCompletion([5, 6], [11]);
        using var batch = SequenceBatch.Collate([longer, shorter], padId: 0);
        using var alone = SequenceBatch.Collate([shorter], padId: 0);

        var (together, _) = CompletionLogProbs.Compute(model, batch);
        var (single, _) = CompletionLogProbs.Compute(model, alone);

        var expectedShorter = single.PerSequence[0].item<float>();
        var tolerance = FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(model.Config, longer.Ids.Count), expectedShorter);
        Assert.Equal(expectedShorter, together.PerSequence[1].item<float>(), tolerance);
        // The longer row scores exactly its three completion tokens: a manual sum of log-softmax picks.
        var logits = model.forward(tensor(new long[,] { { 5, 6, 7, 8, 9, 10 } })).Logits;
        var manual = 0.0;
        for (var t = 2; t < 5; t++)
            manual += logits[0, t].log_softmax(-1)[longer.Ids[t + 1]].item<float>();
        Assert.Equal(manual, together.PerSequence[0].item<float>(), FloatTolerance.Of(ScalarType.Float32,
            FloatTolerance.DecoderOperations(model.Config, longer.Ids.Count), manual));
    }

    [Fact]
    public void Collate_pads_right_and_masks_the_prompt()
    {
        using var batch = SequenceBatch.Collate([TokenizedSequence.PromptCompletion([1, 2], [3]), new TokenizedSequence([4], [false])], padId: 9);
        Assert.Equal(new long[] { 1, 2, 3, 4, 9, 9 }, batch.InputIds.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 1, 1, 1, 0, 0 }, batch.AttentionMask.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 0, 1, 0, 0, 0 }, batch.LossMask.data<long>().ToArray());
        Assert.Equal(1, TokenizedSequence.PromptCompletion([1, 2], [3]).ScoredTokens);
    }
}
