using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PrefSharp.Server.Arena.Auth;
using PrefSharp.Server.Arena.Storage;

namespace PrefSharp.Server.Arena.Client;

/// <summary>
/// An annotator over HTTP, as the voting page is one: joins with an invite link (session cookie), reads its
/// anti-forgery token, fetches pairs and votes. For scripted annotators, load tests and tests of the server.
/// </summary>
public sealed class ArenaClient : IDisposable
{
    private readonly HttpClient http;
    private string csrf = "";

    public ArenaClient(Uri baseUrl)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        http = new HttpClient(handler) { BaseAddress = baseUrl };
    }

    /// <summary>Creates an invite for <paramref name="name"/> with the admin token; returns the invite link.</summary>
    public static async Task<string> InviteAsync(Uri baseUrl, string adminToken, string name, CancellationToken cancellation = default)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/invites") { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        return body.RootElement.GetProperty("invite_url").GetString()!;
    }

    /// <summary>Opens the invite link (which sets the session cookie) and reads the session's anti-forgery token.</summary>
    public async Task JoinAsync(string inviteUrl, CancellationToken cancellation = default)
    {
        using var joined = await http.GetAsync(new Uri(inviteUrl).PathAndQuery, cancellation);
        if (joined.StatusCode != HttpStatusCode.Redirect) throw new HttpRequestException($"joining gave {(int)joined.StatusCode}", null, joined.StatusCode);
        using var me = JsonDocument.Parse(await http.GetStringAsync("api/me", cancellation));
        csrf = me.RootElement.GetProperty("csrf").GetString()!;
    }

    public async Task<ArenaPair> NextAsync(CancellationToken cancellation = default) =>
        (await http.GetFromJsonAsync<ArenaPair>("api/next", cancellation))!;

    /// <summary>Posts a vote as the page does, and returns the raw response (the caller reads the status).</summary>
    public Task<HttpResponseMessage> PostVoteAsync(string pairId, string outcome, string? reason = null, bool withCsrf = true,
        CancellationToken cancellation = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/vote") { Content = JsonContent.Create(new { pair_id = pairId, outcome, reason }) };
        if (withCsrf) request.Headers.Add(ArenaAuth.CsrfHeader, csrf);
        return http.SendAsync(request, cancellation);
    }

    /// <summary>Votes and returns the receipt; throws on a refusal.</summary>
    public async Task<VoteReceipt> VoteAsync(string pairId, string outcome, string? reason = null, CancellationToken cancellation = default)
    {
        using var response = await PostVoteAsync(pairId, outcome, reason, cancellation: cancellation);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"vote refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VoteReceipt>(ArenaServices.Json, cancellation))!;
    }

    /// <summary>The underlying client, carrying this annotator's session cookie.</summary>
    public HttpClient Http => http;

    public void Dispose() => http.Dispose();
}
