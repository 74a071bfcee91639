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
        new("user", $"[User prompt]\n{prompt}\n\n[Response A]\n{first}\n\n[Response B]\n{second}"),
    ];

    /// <summary>Messages asking for a 1–10 score of one response.</summary>
    public static IReadOnlyList<Message> Pointwise(string prompt, string response) =>
    [
        new("system", "You rate an AI assistant's response to a user prompt for helpfulness, correctness and clarity. " +
            "End with a last line of the form `Score: N` where N is an integer from 1 (useless) to 10 (excellent)."),
        new("user", $"[User prompt]\n{prompt}\n\n[Response]\n{response}"),
    ];
}
