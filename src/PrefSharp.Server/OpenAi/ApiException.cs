namespace PrefSharp.Server.OpenAi;

/// <summary>
/// A request the server refuses, answered with OpenAI's error object
/// <c>{"error": {"message", "type", "param", "code"}}</c> and <see cref="Status"/>.
/// </summary>
public sealed class ApiException(int status, string message, string? param = null, string? code = null,
    string type = "invalid_request_error") : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string? Param { get; } = param;
    public string? Code { get; } = code;

    /// <summary>400 for a parameter out of its range, naming it.</summary>
    public static ApiException Invalid(string param, string problem) => new(400, $"{param}: {problem}", param, "invalid_value");
}
