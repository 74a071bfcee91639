using Microsoft.Data.Sqlite;
using PrefSharp.Core.Data;
using PrefSharp.Server.Arena.Storage;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>The arena's SQLite store: schema migrations, one vote per served pair, and imports that add nothing twice.</summary>
public sealed class ArenaStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-arena-store-").FullName;

    private string Database => Path.Combine(folder, "arena.db");

    private static ServedPair Pair(string id, long annotator) => new(id, annotator, "q1", "alpha", "beta", "prompt", "x", "y");

    [Fact]
    public void A_new_database_is_migrated_to_the_current_schema_and_a_newer_one_is_refused()
    {
        using (var store = ArenaStore.Open(Database)) Assert.Equal(1, store.SchemaVersion);
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT journal_mode FROM pragma_journal_mode; PRAGMA user_version = 7;";
            Assert.Equal("wal", command.ExecuteScalar());
        }
        var refused = Assert.Throws<InvalidOperationException>(() => ArenaStore.Open(Database));
        Assert.Contains("schema version 7 is newer than this PrefSharp's 1", refused.Message);
    }

    [Fact]
    public void A_pair_takes_one_vote_its_annotator_only_and_the_vote_survives_reopening()
    {
        using (var store = ArenaStore.Open(Database))
        {
            store.CreateAdminTokenIfMissing();
            var alice = store.FindSession(store.OpenSession(store.CreateInvite("alice"))!)!.AnnotatorId!.Value;
            var bob = store.FindSession(store.OpenSession(store.CreateInvite("bob"))!)!.AnnotatorId!.Value;
            store.Serve(Pair("p1", alice));

            var first = store.Vote(alice, "p1", "a", "clearer");
            var repeated = store.Vote(alice, "p1", "b", null);
            Assert.Equal(403, Assert.Throws<ApiException>(() => store.Vote(bob, "p1", "b", null)).Status);
            Assert.Equal(404, Assert.Throws<ApiException>(() => store.Vote(alice, "p-unknown", "a", null)).Status);

            Assert.Equal(new VoteReceipt("p1", "alpha", "beta", "a", false), first);
            Assert.Equal(new VoteReceipt("p1", "alpha", "beta", "a", true), repeated);
            Assert.Null(store.PendingPair(alice));
        }
        using var reopened = ArenaStore.Open(Database);
        var vote = Assert.Single(reopened.Votes());
        Assert.Equal(("alice", "a", "clearer"), (vote.Annotator, vote.Outcome, vote.Reason));
    }

    [Fact]
    public void Importing_the_same_battles_twice_adds_them_once_with_their_judges()
    {
        Battle[] battles =
        [
            new("alpha", "beta", BattleOutcome.A) { Judge = "carol", QuestionId = "q1" },
            new("alpha", "beta", BattleOutcome.A) { Judge = "carol", QuestionId = "q1" },
            new("beta", "gamma", BattleOutcome.TieBothBad),
        ];
        using var store = ArenaStore.Open(Database);

        Assert.Equal(3, store.Import(battles));
        Assert.Equal(0, store.Import(battles));

        var votes = store.Votes();
        Assert.Equal(["carol", "carol", "imported"], votes.Select(v => v.Annotator));
        Assert.Equal(["a", "a", "both_bad"], votes.Select(v => v.Outcome));
    }

    [Fact]
    public void Only_the_hash_of_the_admin_token_is_stored_and_only_the_token_opens_an_admin_session()
    {
        using var store = ArenaStore.Open(Database);
        var token = store.CreateAdminTokenIfMissing()!;

        Assert.Null(store.CreateAdminTokenIfMissing());
        Assert.Null(store.OpenAdminSession(token + "x"));
        Assert.True(store.FindSession(store.OpenAdminSession(token))!.IsAdmin);
        Assert.DoesNotContain(token, File.ReadAllText(Database + "-wal", System.Text.Encoding.Latin1) + File.ReadAllText(Database, System.Text.Encoding.Latin1));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
