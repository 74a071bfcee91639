using Microsoft.Data.Sqlite;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>
/// The arena's durable state in one SQLite file: annotators, invites, sessions, served pairs and votes. WAL journal
/// with <c>synchronous=FULL</c>: a call that writes returns only after its transaction is committed to disk, so a vote
/// acknowledged to a browser survives a crash (kill -9) or power loss. One connection, its calls serialised; safe to
/// share between concurrent requests.
/// </summary>
public sealed partial class ArenaStore : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private ArenaStore(SqliteConnection connection, string path) => (this.connection, Path) = (connection, path);

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (or creates) the database and migrates it to <see cref="ArenaSchema.Version"/>.</summary>
    public static ArenaStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Run(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            ArenaSchema.Migrate(connection, full);
            return new ArenaStore(connection, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version on disk.</summary>
    public int SchemaVersion => Locked(() => Convert.ToInt32(Scalar("PRAGMA user_version")));

    private T Locked<T>(Func<T> action)
    {
        lock (gate) return action();
    }

    /// <summary>Runs <paramref name="action"/> in one transaction, committed (to disk) before it returns.</summary>
    private T InTransaction<T>(Func<SqliteTransaction, T> action)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            var result = action(transaction);
            transaction.Commit();
            return result;
        }
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private int Execute(SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] parameters) => ScalarIn(null, sql, parameters);

    private object? ScalarIn(SqliteTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static void Run(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    public void Dispose() => connection.Dispose();
}
