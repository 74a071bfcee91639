using PrefSharp.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>Forward semantics: shapes, causality, and that left or right padding never changes real positions.</summary>
public sealed class DecoderForwardTests
{
    private static readonly long[] Long = [5, 9, 17, 33, 40, 11];
    private static readonly long[] Short = [7, 3, 12];

    private static Tensor Row(long[] ids) => tensor(ids).unsqueeze(0);  // (1, T)

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Logits_and_hidden_states_have_the_documented_shapes(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var output = model.forward(randint(0, 64, [3, 7]));
        Assert.Equal([3L, 7, 64], output.Logits.shape);
        Assert.Equal([3L, 7, 32], output.LastHiddenState.shape);
        Assert.True(output.Logits.isfinite().all().item<bool>());
        var last = model.forward(randint(0, 64, [3, 7]), logitsToKeep: 1);
        Assert.Equal([3L, 1, 64], last.Logits.shape);
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Left_and_right_padding_leave_real_positions_unchanged(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var aloneLong = model.forward(Row(Long)).Logits[0];    // (6, V)
        var aloneShort = model.forward(Row(Short)).Logits[0];  // (3, V)

        // Left padding: the short row is [pad, pad, pad, 7, 3, 12]; pad id 0 is a real token id, masked out.
        var leftIds = tensor(new long[,] { { 5, 9, 17, 33, 40, 11 }, { 0, 0, 0, 7, 3, 12 } });
        var leftMask = tensor(new long[,] { { 1, 1, 1, 1, 1, 1 }, { 0, 0, 0, 1, 1, 1 } });
        var left = model.forward(leftIds, leftMask).Logits;
        AssertClose(aloneLong, left[0]);
        AssertClose(aloneShort, left[1].narrow(0, 3, 3));

        var rightIds = tensor(new long[,] { { 5, 9, 17, 33, 40, 11 }, { 7, 3, 12, 63, 63, 63 } });
        var rightMask = tensor(new long[,] { { 1, 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0, 0 } });
        var right = model.forward(rightIds, rightMask).Logits;
        AssertClose(aloneLong, right[0]);
        AssertClose(aloneShort, right[1].narrow(0, 0, 3));
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void A_later_token_never_changes_earlier_logits(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var original = model.forward(Row(Long)).Logits[0];
        var changed = model.forward(Row([5, 9, 17, 33, 40, 12])).Logits[0];
        AssertClose(original.narrow(0, 0, 5), changed.narrow(0, 0, 5));
        Assert.True(original[5].sub(changed[5]).abs().max().item<float>() > 1e-3, "the changed last token must change its own logits");
    }

    [Fact]
    public void Grouped_query_attention_equals_multi_head_attention_with_each_kv_head_repeated_per_group()
    {
        // Llama with 4 query heads over 2 kv heads must equal the same model with 4 kv heads whose k/v projections
        // repeat each grouped head for its 2 query heads (query head h reads kv head h / 2).
        using var grouped = TinyConfigs.Create("llama");
        var mhaConfig = grouped.Config with { NumKeyValueHeads = 4 };
        using var full = CausalLM.Create(mhaConfig);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var source = grouped.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, target) in full.Module.named_parameters())
        {
            Tensor value = source[name];
            if (name.Contains("k_proj") || name.Contains("v_proj"))
                value = value.view(2, 8, 32).repeat_interleave(2, dim: 0).reshape(32, 32);  // (kv heads × D, d) → (H × D, d)
            target.copy_(value);
        }
        var ids = randint(0, 64, [2, 9]);
        AssertClose(grouped.forward(ids).Logits, full.forward(ids).Logits);
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance = 1e-4)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = expected.sub(actual).abs().max().item<float>();
        Assert.True(difference < tolerance, $"max |difference| {difference} ≥ {tolerance}");
    }
}
