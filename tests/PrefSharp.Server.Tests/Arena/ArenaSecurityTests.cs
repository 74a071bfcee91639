using System.Net;
using System.Net.Http.Json;
using PrefSharp.Server.Arena;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>Requests the arena must refuse, each with its status, while it keeps serving.</summary>
public sealed class ArenaSecurityTests
{
    [Fact]
    public async Task Votes_without_a_session_or_with_a_forged_form_are_refused()
    {
        await using var arena = await TestArena.StartAsync();
        var alice = await arena.AnnotatorAsync("alice");
        var pair = await alice.NextAsync();
        using var anonymous = new HttpClient { BaseAddress = arena.BaseUrl };

        using var noSession = await anonymous.PostAsJsonAsync("api/vote", new { pair_id = pair.PairId, outcome = "a" });
        using var noToken = await alice.PostVoteAsync(pair.PairId, "a", withCsrf: false);
        using var formPost = await alice.Http.PostAsync("api/vote", new FormUrlEncodedContent([new("pair_id", pair.PairId), new("outcome", "a")]));
        using var foreignOrigin = new HttpRequestMessage(HttpMethod.Post, "api/vote") { Content = JsonContent.Create(new { pair_id = pair.PairId, outcome = "a" }) };
        foreignOrigin.Headers.Add("Origin", "https://evil.example");
        using var fromElsewhere = await alice.Http.SendAsync(foreignOrigin);

        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Equal(0, arena.Server.Store.VoteCount());
        Assert.Equal("a", (await alice.VoteAsync(pair.PairId, "a")).Outcome);
    }

    [Fact]
    public async Task A_pair_served_to_another_annotator_and_an_unknown_pair_are_refused()
    {
        await using var arena = await TestArena.StartAsync();
        var alice = await arena.AnnotatorAsync("alice");
        var bob = await arena.AnnotatorAsync("bob");
        var pair = await alice.NextAsync();

        using var foreign = await bob.PostVoteAsync(pair.PairId, "b");
        using var unknown = await bob.PostVoteAsync("no-such-pair", "b");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Admin_actions_need_the_admin_token_and_an_annotator_session_is_not_enough()
    {
        await using var arena = await TestArena.StartAsync();
        var alice = await arena.AnnotatorAsync("alice");
        using var anonymous = new HttpClient { BaseAddress = arena.BaseUrl };
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/admin/export/battles");
        wrong.Headers.Authorization = new("Bearer", arena.AdminToken[..^1] + "x");
        using var right = new HttpRequestMessage(HttpMethod.Get, "api/admin/export/battles");
        right.Headers.Authorization = new("Bearer", arena.AdminToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/admin/export/battles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.Http.GetAsync("api/admin/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.Http.PostAsJsonAsync("api/admin/invites", new { name = "mallory" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/admin/login", new { token = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_long_reasons_and_unknown_outcomes_are_refused()
    {
        await using var arena = await TestArena.StartAsync(options: new ArenaOptions { MaxBodyBytes = 4096, MaxReasonLength = 100 });
        var alice = await arena.AnnotatorAsync("alice");
        var pair = await alice.NextAsync();

        using var oversized = await alice.PostVoteAsync(pair.PairId, "a", new string('x', 5000));
        using var longReason = await alice.PostVoteAsync(pair.PairId, "a", new string('x', 101));
        using var unknownOutcome = await alice.PostVoteAsync(pair.PairId, "maybe");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostVoteAsync(pair.PairId, "a", new string('x', 100))).StatusCode);
    }

    [Fact]
    public async Task An_annotator_past_the_burst_gets_429_while_another_annotator_still_votes()
    {
        await using var arena = await TestArena.StartAsync(options: new ArenaOptions { RequestsPerMinute = 1, Burst = 3 });
        var alice = await arena.AnnotatorAsync("alice");
        var bob = await arena.AnnotatorAsync("bob");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await alice.Http.GetAsync("api/next")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await bob.Http.GetAsync("api/next")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_scripts()
    {
        await using var arena = await TestArena.StartAsync();
        using var http = new HttpClient { BaseAddress = arena.BaseUrl };
        using var page = await http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("0.0.0.0", false, "--tls-cert")]
    [InlineData("192.168.1.10", false, "--insecure-http")]
    public void A_non_loopback_host_refuses_to_start_without_tls_or_insecure_http(string host, bool insecure, string named)
    {
        var refused = Assert.Throws<ArgumentException>(() => new ArenaOptions { Host = host, InsecureHttp = insecure }.Validate());
        Assert.Contains(named, refused.Message);
        Assert.Equal("0.0.0.0", new ArenaOptions { Host = "0.0.0.0", InsecureHttp = true }.Validate().Host);
    }
}
