using Microsoft.Playwright;
using PrefSharp.Core.Data;
using PrefSharp.Server.Arena;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>
/// The pages in headless Chromium: a vote through the UI reveals the names and reaches the leaderboard; script payloads
/// in a prompt, an answer and a reason are shown as text; the voting page fits a phone's width. With
/// <c>PREFSHARP_SCREENSHOTS=DIR</c> the test saves both pages there (arena-vote.png, arena-leaderboard.png).
/// </summary>
public sealed class ArenaBrowserTests
{
    private const string PromptPayload = "<script>window.pwned = 'prompt'</script>Sort 312";
    private const string AnswerPayload = "<img src=x onerror=\"window.pwned = 'answer'\">123";
    private const string ReasonPayload = "<b id=injected>A sorts</b><script>window.pwned = 'reason'</script>";

    [BrowserFact]
    public async Task A_vote_through_the_page_reveals_the_names_and_appears_on_the_leaderboard_with_payloads_shown_as_text()
    {
        await using var arena = await TestArena.StartAsync(TestArena.SmallContent(PromptPayload, AnswerPayload), new ArenaOptions { Overlap = 0 });
        arena.Server.Store.Import(EarlierBattles());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Browser.ExecutablePath, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) errors.Add(message.Text); };

        await page.GotoAsync(arena.BaseUrl + "join/" + InviteSecret(await Invite(arena, "dana")));
        await page.Locator("#prompt").Filter(new() { HasText = "Sort" }).WaitForAsync();
        await page.Locator("#reason").FillAsync(ReasonPayload);
        await page.Locator("#reason").PressAsync("Tab");
        await page.Keyboard.PressAsync("a");
        await page.Locator("#name-a").Filter(new() { HasText = "—" }).WaitForAsync();

        var vote = Assert.Single(arena.Server.Store.Votes(), v => v.Annotator == "dana");
        Assert.Equal(("a", ReasonPayload), (vote.Outcome, vote.Reason));
        Assert.Equal($"— {vote.ModelA}", await page.Locator("#name-a").TextContentAsync());
        Assert.Equal($"— {vote.ModelB}", await page.Locator("#name-b").TextContentAsync());
        Assert.Equal(vote.Prompt, await page.Locator("#prompt").TextContentAsync());
        await Screenshot(page, "arena-vote.png");

        await page.GotoAsync(arena.BaseUrl + "leaderboard");
        var danaRow = page.Locator("#annotators tbody tr").Filter(new() { HasText = "dana" });
        await danaRow.WaitForAsync();
        Assert.Equal(["dana", "1"], await danaRow.Locator("td").AllTextContentsAsync());
        Assert.Equal($"({EarlierBattles().Count + 1} votes)", await page.Locator("#total").TextContentAsync());
        var votedRow = page.Locator("#board tbody tr").Filter(new() { HasText = vote.ModelA });
        Assert.Equal(arena.Server.Store.Votes().Count(v => v.ModelA == vote.ModelA || v.ModelB == vote.ModelA).ToString(),
            (await votedRow.Locator("td").AllTextContentsAsync())[4]);
        await Screenshot(page, "arena-leaderboard.png");

        await page.GotoAsync(arena.BaseUrl + "admin");
        await page.Locator("#token").FillAsync(arena.AdminToken);
        await page.Locator("#login-form button").ClickAsync();
        await page.Locator("#votes tbody tr").First.WaitForAsync();
        Assert.Equal(ReasonPayload, (await page.Locator("#votes tbody tr").First.Locator("td").AllTextContentsAsync())[5]);

        Assert.Equal(0, await page.Locator("#injected, #answer-a img, #prompt script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.pwned"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_voting_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        await using var arena = await TestArena.StartAsync(TestArena.SmallContent("Sort 312 " + new string('9', 200), "123"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Browser.ExecutablePath, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });

        await page.GotoAsync(arena.BaseUrl + "join/" + InviteSecret(await Invite(arena, "erin")));
        await page.Locator("#prompt").Filter(new() { HasText = "Sort" }).WaitForAsync();

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var a = await page.Locator("#answer-a").BoundingBoxAsync();
        var b = await page.Locator("#answer-b").BoundingBoxAsync();
        Assert.True(b!.Y >= a!.Y + a.Height, "on a narrow screen the answers stack");
    }

    /// <summary>An earlier arena: two annotators voted the same five items and disagree on one.</summary>
    private static List<Battle> EarlierBattles() =>
    [
        .. from judge in (string[])["carol", "frank"]
           from battle in (Battle[])
           [
               new("alpha", "beta", BattleOutcome.A) { QuestionId = "q1" }, new("beta", "gamma", BattleOutcome.A) { QuestionId = "q1" },
               new("alpha", "gamma", BattleOutcome.A) { QuestionId = "q2" }, new("gamma", "alpha", BattleOutcome.A) { QuestionId = "q1" },
               new("beta", "alpha", judge == "carol" ? BattleOutcome.Tie : BattleOutcome.B) { QuestionId = "q2" },
           ]
           select battle with { Judge = judge },
    ];

    private static Task<string> Invite(TestArena arena, string name) =>
        PrefSharp.Server.Arena.Client.ArenaClient.InviteAsync(arena.BaseUrl, arena.AdminToken, name);

    private static string InviteSecret(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PREFSHARP_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
