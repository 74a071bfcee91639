using PrefSharp.Core.Data;

namespace PrefSharp.Core.Judging;

/// <summary>
/// The chat messages sent to an LLM judge. The pairwise template follows the MT-Bench pairwise judge (Zheng et al.
/// 2023, "Judging LLM-as-a-Judge", Fig. 5) in spirit: an impartial comparison, no length or position preference, and
/// a final verdict on its own line; the pointwise one asks for an integer score from 1 to 10.
/// </summary>
public static class JudgePrompts
{
    /// <summary>Messages asking which of two responses answers <paramref name="prompt"/> better: "A", "B" or "tie".</summary>
    public static IReadOnlyList<Message> Pairwise(string prompt, string first, string second) =>
    [
        new("system", "You compare two AI assistant responses to the same user prompt. Judge helpfulness, correctness and " +
            "clarity. Ignore which response comes first and how long each is. Think briefly if you need to, then end with " +
            "a last line of the form `Verdict: A`, `Verdict: B` or `Verdict: tie`."),
        new("user", $"{PromptHeader}{prompt}{FirstHeader}{first}{SecondHeader}{second}"),
    ];

    private const string PromptHeader = "[User prompt]\n";
    private const string FirstHeader = "\n\n[Response A]\n";
    private const string SecondHeader = "\n\n[Response B]\n";

    /// <summary>
    /// The prompt and the two responses of a user message written by <see cref="Pairwise"/>, or null when the text is
    /// not one (a simulated judge reads the question back this way).
    /// </summary>
    public static (string Prompt, string First, string Second)? ReadPairwise(string user)
    {
        if (!user.StartsWith(PromptHeader, StringComparison.Ordinal)) return null;
        var first = user.IndexOf(FirstHeader, PromptHeader.Length, StringComparison.Ordinal);
        if (first < 0) return null;
        var second = user.IndexOf(SecondHeader, first + FirstHeader.Length, StringComparison.Ordinal);
        if (second < 0) return null;
        return (user[PromptHeader.Length..first], user[(first + FirstHeader.Length)..second], user[(second + SecondHeader.Length)..]);
    }

    /// <summary>Messages asking for a 1–10 score of one response.</summary>
    public static IReadOnlyList<Message> Pointwise(string prompt, string response) =>
    [
        new("system", "You rate an AI assistant's response to a user prompt for helpfulness, correctness and clarity. " +
            "End with a last line of the form `Score: N` where N is an integer from 1 (useless) to 10 (excellent)."),
        new("user", $"[User prompt]\n{prompt}\n\n[Response]\n{response}"),
    ];
}
