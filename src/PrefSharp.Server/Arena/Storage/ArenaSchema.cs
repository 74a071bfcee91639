using Microsoft.Data.Sqlite;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>
/// The arena database's schema: migration k (1-based) takes <c>PRAGMA user_version</c> from k − 1 to k, each in one
/// transaction, so a database of any earlier version is brought up to <see cref="Version"/> and a newer one is refused.
/// </summary>
internal static class ArenaSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE annotators (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
        CREATE TABLE invites (token_hash TEXT PRIMARY KEY, annotator_id INTEGER NOT NULL REFERENCES annotators(id), created TEXT NOT NULL);
        CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, annotator_id INTEGER REFERENCES annotators(id),
            is_admin INTEGER NOT NULL, created TEXT NOT NULL);
        CREATE TABLE pairs (id TEXT PRIMARY KEY, annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            question_id TEXT NOT NULL, model_a TEXT NOT NULL, model_b TEXT NOT NULL,
            prompt TEXT, text_a TEXT, text_b TEXT, served TEXT NOT NULL);
        CREATE INDEX pairs_by_annotator ON pairs(annotator_id);
        CREATE TABLE votes (pair_id TEXT PRIMARY KEY REFERENCES pairs(id), outcome TEXT NOT NULL, reason TEXT, voted TEXT NOT NULL);
        """,
    ];

    /// <summary>The schema version this code reads and writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Applies the missing migrations; refuses a database written by a newer PrefSharp.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (current > Version)
            throw new InvalidOperationException($"{path}: schema version {current} is newer than this PrefSharp's {Version}; upgrade PrefSharp");
        for (var version = current; version < Version; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version] + $"; PRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
