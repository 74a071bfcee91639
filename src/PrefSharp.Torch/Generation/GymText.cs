using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// How a gym world's prompt and response become a policy's text, the same for every demo stage (SFT data, DPO pairs,
/// GRPO rollouts, sampling): the model sees <c>"PROMPT:"</c> and continues with <c>" RESPONSE"</c> then EOS, through
/// the plain template (no chat markers). The leading space makes every response word a GPT-2 style word piece
/// (" bread"), so a trained BPE holds each world word as one token.
/// </summary>
public static class GymText
{
    /// <summary>The text a policy is prompted with for a world prompt.</summary>
    public static string Prompt(string worldPrompt) => worldPrompt + ":";

    /// <summary>The text a policy writes for a world response.</summary>
    public static string Completion(string response) => " " + response.Trim();

    /// <summary>The world response of a decoded completion (surrounding whitespace dropped).</summary>
    public static string Response(string completionText) => completionText.Trim();

    /// <summary>A training example: prompt as context, response and EOS scored (the plain template).</summary>
    public static TokenizedSequence Example(ChatTemplate template, string worldPrompt, string response) =>
        template.PromptCompletion(Prompt(worldPrompt), Completion(response));

    /// <summary>The prompt ids a policy continues.</summary>
    public static IReadOnlyList<int> PromptIds(ChatTemplate template, string worldPrompt) => template.Prompt(Prompt(worldPrompt));
}
