using PrefSharp.Server.Arena.Auth;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>Admin token, annotators, invites and sessions; secrets are stored as their SHA-256 only.</summary>
public sealed partial class ArenaStore
{
    private const string AdminTokenSetting = "admin_token_sha256";
    private const string CsrfKeySetting = "csrf_key";

    /// <summary>
    /// On a new database: creates the admin token (returned once, to be shown to the operator) and the key of the
    /// anti-forgery tokens. Null when the database already has an admin token.
    /// </summary>
    public string? CreateAdminTokenIfMissing() => InTransaction(transaction =>
    {
        if (ScalarIn(transaction, "SELECT value FROM settings WHERE key = $k", ("$k", AdminTokenSetting)) is not null) return null;
        var token = Secrets.New();
        Execute(transaction, "INSERT INTO settings (key, value) VALUES ($k, $v)", ("$k", AdminTokenSetting), ("$v", Secrets.Hash(token)));
        Execute(transaction, "INSERT OR IGNORE INTO settings (key, value) VALUES ($k, $v)", ("$k", CsrfKeySetting), ("$v", Secrets.New()));
        return token;
    });

    /// <summary>The key that anti-forgery tokens are derived with.</summary>
    public string CsrfKey => (string?)Locked(() => Scalar("SELECT value FROM settings WHERE key = $k", ("$k", CsrfKeySetting)))
        ?? throw new InvalidOperationException("the arena has no anti-forgery key; call CreateAdminTokenIfMissing first");

    public bool IsAdminToken(string? token)
    {
        var stored = (string?)Locked(() => Scalar("SELECT value FROM settings WHERE key = $k", ("$k", AdminTokenSetting)));
        return token is not null && stored is not null && Secrets.Same(Secrets.Hash(token), stored);
    }

    /// <summary>A new invite for the annotator called <paramref name="name"/> (created when new); returns the invite secret.</summary>
    public string CreateInvite(string name) => InTransaction(transaction =>
    {
        var invite = Secrets.New();
        Execute(transaction, "INSERT INTO invites (token_hash, annotator_id, created) VALUES ($h, $a, $t)",
            ("$h", Secrets.Hash(invite)), ("$a", AnnotatorId(transaction, name)), ("$t", Now()));
        return invite;
    });

    /// <summary>A new session for the invite's annotator; null for an unknown invite.</summary>
    public string? OpenSession(string invite) => InTransaction(transaction =>
    {
        var annotator = ScalarIn(transaction, "SELECT annotator_id FROM invites WHERE token_hash = $h", ("$h", Secrets.Hash(invite)));
        return annotator is null ? null : NewSession(transaction, (long)annotator, admin: false);
    });

    /// <summary>A new admin session; null when <paramref name="adminToken"/> is wrong.</summary>
    public string? OpenAdminSession(string adminToken) =>
        IsAdminToken(adminToken) ? InTransaction(transaction => NewSession(transaction, null, admin: true)) : null;

    public ArenaSession? FindSession(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        return Locked(() =>
        {
            using var command = Command(null, "SELECT s.annotator_id, s.is_admin, a.name FROM sessions s LEFT JOIN annotators a ON a.id = s.annotator_id WHERE s.token_hash = $h",
                ("$h", Secrets.Hash(secret)));
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            var admin = reader.GetInt64(1) != 0;
            return new ArenaSession(secret, reader.IsDBNull(0) ? null : reader.GetInt64(0), admin ? "admin" : reader.GetString(2), admin);
        });
    }

    private string NewSession(Microsoft.Data.Sqlite.SqliteTransaction transaction, long? annotator, bool admin)
    {
        var secret = Secrets.New();
        Execute(transaction, "INSERT INTO sessions (token_hash, annotator_id, is_admin, created) VALUES ($h, $a, $i, $t)",
            ("$h", Secrets.Hash(secret)), ("$a", annotator), ("$i", admin ? 1 : 0), ("$t", Now()));
        return secret;
    }

    private long AnnotatorId(Microsoft.Data.Sqlite.SqliteTransaction transaction, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw new ArgumentException($"annotator name must be 1–100 characters, found \"{name}\"", "name");
        Execute(transaction, "INSERT OR IGNORE INTO annotators (name, created) VALUES ($n, $t)", ("$n", name.Trim()), ("$t", Now()));
        return (long)ScalarIn(transaction, "SELECT id FROM annotators WHERE name = $n", ("$n", name.Trim()))!;
    }
}
