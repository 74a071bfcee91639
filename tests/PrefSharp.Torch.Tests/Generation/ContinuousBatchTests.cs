using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>
/// Rows that join and leave a running batch get, at every step, the logits of their sequence decoded alone: the same
/// positions and the same keys, within the float32 bound of the decoder's computation.
/// </summary>
public sealed class ContinuousBatchTests
{
    /// <summary>A prompt and the tokens fed after it (teacher forcing, so the reference is fixed).</summary>
    private sealed record Sequence(long[] Prompt, long[] Fed)
    {
        public int Consumed { get; set; }
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Rows_joining_and_leaving_mid_flight_get_the_logits_of_their_sequence_decoded_alone(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var a = new Sequence([5, 9, 17, 33, 40, 21, 61], [11, 23, 7, 50, 3]);
        var b = new Sequence([7, 3], [8, 14, 29, 31, 44, 12, 6, 9]);
        var c = new Sequence([12, 60, 22, 8, 30, 41, 6], [13, 27, 5]);
        using var batch = new ContinuousBatch(model);
        var running = new List<Sequence> { b, c };

        Check(model, running, batch.Join([b.Prompt, c.Prompt], [8, 3]));
        for (var step = 0; step < 2; step++) Check(model, running, batch.Step(Next(running)));
        Assert.Equal(c.Prompt.Length + 2, batch.Columns);

        batch.Leave([1]);                                   // c, the longest row, leaves: its leading columns go
        running.Remove(c);
        Assert.Equal(b.Prompt.Length + 2, batch.Columns);
        var stepped = batch.Step(Next(running));            // b alone for one step
        Check(model, running, cat([stepped, batch.Join([a.Prompt], [5])], 0));  // a joins, longer than b so far: b shifts right
        running.Add(a);
        Assert.Equal(2, batch.Count);
        for (var step = 0; step < 5; step++) Check(model, running, batch.Step(Next(running)));
        Assert.Equal(b.Fed.Length, b.Consumed);
        Assert.Equal(a.Fed.Length, a.Consumed);
    }

    [Fact]
    public void A_batch_that_joins_steps_and_empties_leaves_no_live_tensors_behind()
    {
        using var model = TinyConfigs.Create("llama");
        using var noGrad = no_grad();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var scope = NewDisposeScope())
        using (var batch = new ContinuousBatch(model))
        {
            batch.Join([[5, 9, 17]], [3]);
            batch.Step(tensor(new long[] { 4 }));
            batch.Join([[7, 3], [1, 2, 3, 4, 5]], [2, 2]);
            batch.Step(tensor(new long[] { 6, 8, 10 }));
            batch.Leave([0, 2]);
            batch.Leave([0]);
            Assert.Equal(0, batch.Count);
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_row_cannot_step_past_the_steps_it_declared()
    {
        using var model = TinyConfigs.Create("gpt2");
        using var scope = NewDisposeScope();
        using var batch = new ContinuousBatch(model);
        batch.Join([[5, 9]], [1]);
        batch.Step(tensor(new long[] { 4 }));
        Assert.Throws<InvalidOperationException>(() => batch.Step(tensor(new long[] { 4 })));
    }

    /// <summary>The next fed token of each running row, (B) int64.</summary>
    private static Tensor Next(List<Sequence> running) => tensor(running.Select(s => s.Fed[s.Consumed++]).ToArray());

    /// <summary>
    /// Row i of <paramref name="logits"/> (B, V) must be the logits an uncached forward over row i's prompt and the
    /// tokens it has been fed gives at its last position, within γ_n of the decoder's longest accumulation chain.
    /// </summary>
    private static void Check(ICausalLM model, List<Sequence> running, Tensor logits)
    {
        for (var row = 0; row < running.Count; row++)
        {
            var s = running[row];
            var sequence = s.Prompt.Concat(s.Fed.Take(s.Consumed)).ToArray();
            var alone = model.forward(tensor(sequence).unsqueeze(0)).Logits[0, -1];     // (V)
            var magnitude = alone.abs().max().item<float>();
            var tolerance = FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(model.Config, sequence.Length), magnitude);
            TensorAssert.Close(alone, logits[row], tolerance, $"row {row} after {s.Consumed} fed tokens");
        }
    }
}
