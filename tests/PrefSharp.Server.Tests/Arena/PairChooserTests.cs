using Microsoft.Data.Sqlite;
using PrefSharp.Core.Data;
using PrefSharp.Server.Arena.Pairing;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>Which pairs the arena serves: uniform over model pairs, active toward the least-known model, repeats for agreement.</summary>
public sealed class PairChooserTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-arena-pairs-").FullName;
    private readonly ArenaStore store;

    public PairChooserTests() => store = ArenaStore.Open(Path.Combine(folder, "arena.db"));

    private long Annotator(string name) => store.FindSession(store.OpenSession(store.CreateInvite(name))!)!.AnnotatorId!.Value;

    private static (string, string) Sorted(ServedPair pair) =>
        string.CompareOrdinal(pair.ModelA, pair.ModelB) < 0 ? (pair.ModelA, pair.ModelB) : (pair.ModelB, pair.ModelA);

    [Fact]
    public void Uniform_selection_serves_every_model_pair_about_equally_often_in_both_orders()
    {
        var chooser = new PairChooser(TestArena.SmallContent(), store, PairSelection.Uniform, overlap: 0);
        var served = Enumerable.Range(0, 150).Select(i => chooser.Next(Annotator($"u{i}"))).ToList();

        // 150 draws over 3 pairs: each count is Binomial(150, 1/3), mean 50, sd 5.8; 5 sd either side. Orders: mean 75, sd 6.1.
        foreach (var group in served.GroupBy(Sorted)) Assert.InRange(group.Count(), 21, 79);
        Assert.Equal(3, served.Select(Sorted).Distinct().Count());
        Assert.InRange(served.Count(p => string.CompareOrdinal(p.ModelA, p.ModelB) < 0), 75 - 31, 75 + 31);
        Assert.All(served, p => Assert.Equal(TestArena.SmallContent().Questions[p.QuestionId].Answers[p.ModelA], p.TextA));
    }

    [Fact]
    public void Active_selection_brings_in_the_model_that_was_never_compared()
    {
        store.Import([.. Enumerable.Range(0, 10).Select(i => new Battle("alpha", "beta", i % 2 == 0 ? BattleOutcome.A : BattleOutcome.B))]);
        var chooser = new PairChooser(TestArena.SmallContent(), store, PairSelection.Active, overlap: 0);

        // Uniform choice would leave gamma out of all 20 pairs with probability (1/3)^20 — and include it in all with (2/3)^20.
        var served = Enumerable.Range(0, 20).Select(i => chooser.Next(Annotator($"a{i}"))).ToList();

        Assert.All(served, pair => Assert.Contains("gamma", (string[])[pair.ModelA, pair.ModelB]));
    }

    [Fact]
    public void A_pending_pair_is_served_again_and_overlap_repeats_an_item_another_annotator_voted()
    {
        var chooser = new PairChooser(TestArena.SmallContent(), store, PairSelection.Uniform, overlap: 1);
        var alice = Annotator("alice");
        var first = chooser.Next(alice);
        Assert.Equal(first, chooser.Next(alice));
        store.Vote(alice, first.Id, "a", null);

        var repeat = chooser.Next(Annotator("bob"));

        Assert.NotEqual(first.Id, repeat.Id);
        Assert.Equal((first.QuestionId, Sorted(first)), (repeat.QuestionId, Sorted(repeat)));
    }

    public void Dispose()
    {
        store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
