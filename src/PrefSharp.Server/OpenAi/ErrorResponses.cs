using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PrefSharp.Server.OpenAi;

/// <summary>Writes OpenAI's error object and maps failures to it, so no request can stop the server.</summary>
internal static class ErrorResponses
{
    /// <summary>Writes <paramref name="error"/> as <c>{"error": {...}}</c> with its status.</summary>
    public static Task Write(HttpContext context, ApiException error)
    {
        context.Response.StatusCode = error.Status;
        return context.Response.WriteAsJsonAsync(new
        {
            error = new { message = error.Message, type = error.Type, param = error.Param, code = error.Code },
        });
    }

    /// <summary>Middleware: runs the rest of the pipeline and answers any failure with an error object.</summary>
    public static async Task Guard(HttpContext context, RequestDelegate next)
    {
        ApiException? error;
        try
        {
            await next(context);
            return;
        }
        catch (ApiException refused)
        {
            error = refused;
        }
        catch (BadHttpRequestException bad)
        {
            error = new ApiException(bad.StatusCode, bad.StatusCode == 413 ? "request body too large" : bad.Message, code: "bad_request");
        }
        catch (JsonException malformed)
        {
            error = new ApiException(400, $"malformed JSON body: {malformed.Message}", code: "invalid_json");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception failure)
        {
            error = new ApiException(500, $"internal error: {failure.Message}", type: "server_error");
        }
        if (!context.Response.HasStarted) await Write(context, error);
    }

    /// <summary>Middleware: with an API key, refuses requests without <c>Authorization: Bearer KEY</c>.</summary>
    public static RequestDelegate RequireKey(string key, RequestDelegate next) => context =>
    {
        var header = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        return CryptographicOperations.FixedTimeEquals(header, Encoding.UTF8.GetBytes($"Bearer {key}")) ? next(context)
            : throw new ApiException(401, "missing or wrong API key: send Authorization: Bearer KEY", code: "invalid_api_key");
    };
}
