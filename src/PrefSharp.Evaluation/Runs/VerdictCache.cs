using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// Every judge answer on disk in SQLite (WAL, <c>synchronous=FULL</c>: a committed row survives a crash or power loss),
/// keyed by the SHA-256 of judge model, template hash, instruction and the two outputs in the order asked. An answer
/// is stored before the worker that got it asks its next question, so a killed run resumes without asking anything
/// twice. One connection, its writes serialised; safe to share between concurrent workers.
/// </summary>
public sealed class VerdictCache : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    public VerdictCache(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" +
            "CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, text TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL)");
    }

    /// <summary>The key of one ordered question: length-prefixed fields, so no two field lists collide.</summary>
    public static string Key(string model, string templateHash, string instruction, string first, string second)
    {
        var builder = new StringBuilder();
        foreach (var field in (string[])[model, templateHash, instruction, first, second]) builder.Append(field.Length).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public CachedVerdict? Find(string key)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT text, input_tokens, output_tokens FROM verdicts WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new CachedVerdict(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
        }
    }

    /// <summary>Stores <paramref name="verdict"/>; returns once the row is committed to disk.</summary>
    public void Store(string key, CachedVerdict verdict)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO verdicts (key, text, input_tokens, output_tokens) VALUES ($key, $text, $in, $out)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$text", verdict.Text);
            command.Parameters.AddWithValue("$in", verdict.InputTokens);
            command.Parameters.AddWithValue("$out", verdict.OutputTokens);
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
