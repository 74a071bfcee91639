using System.Security.Cryptography;
using System.Text;

namespace PrefSharp.Server.Arena.Auth;

/// <summary>
/// Random bearer secrets (admin token, invites, sessions, pair ids) and their storage form: only the SHA-256 of a
/// secret is written to disk, so a copy of the database lets nobody in; comparisons run in fixed time.
/// </summary>
public static class Secrets
{
    /// <summary>A new secret: 32 random bytes (24 for ids), base64url without padding.</summary>
    public static string New(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the secret's UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Fixed-time equality of two strings.</summary>
    public static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The anti-forgery token of a session: HMAC-SHA256 of the session secret under the arena's key.</summary>
    public static string Csrf(string key, string sessionSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(sessionSecret)));
}
