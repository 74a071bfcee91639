using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>The cache continues a forward exactly, refuses overflow and a different batch, and can be reset.</summary>
public sealed class KvCacheTests
{
    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void A_prefix_then_a_chunk_through_the_cache_equals_one_forward(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(new long[,] { { 0, 0, 5, 9, 17, 33, 40, 11 }, { 7, 3, 12, 60, 2, 8, 1, 4 } });
        var mask = tensor(new long[,] { { 0, 0, 1, 1, 1, 1, 1, 1 }, { 1, 1, 1, 1, 1, 1, 1, 1 } });
        var whole = model.forward(ids, mask).Logits;
        using var cache = model.NewCache(8);
        var first = model.forward(ids.narrow(1, 0, 5), mask.narrow(1, 0, 5), cache).Logits;
        var rest = model.forward(ids.narrow(1, 5, 3), mask, cache).Logits;             // 3 tokens after 5 cached
        Assert.Equal(8, cache.Length);
        TensorAssert.Close(whole.narrow(1, 2, 3), first.narrow(1, 2, 3), 1e-4, "prefix");
        TensorAssert.Close(whole.narrow(1, 5, 3), rest, 1e-4, "continuation");
        Assert.Throws<InvalidOperationException>(() => model.forward(ids.narrow(1, 0, 1), mask.narrow(1, 0, 1).repeat(1, 9), cache));
        cache.Reset();
        TensorAssert.Close(first, model.forward(ids.narrow(1, 0, 5), mask.narrow(1, 0, 5), cache).Logits, 1e-5, "after reset");
        Assert.Throws<InvalidOperationException>(() => model.forward(ids.narrow(0, 0, 1).narrow(1, 0, 1), mask.narrow(0, 0, 1).narrow(1, 0, 6), cache));
    }
}
