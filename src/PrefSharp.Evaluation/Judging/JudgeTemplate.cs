using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PrefSharp.Core.Data;

namespace PrefSharp.Evaluation.Judging;

/// <summary>
/// The judge's prompt, a text file the user can replace (<c>--template</c>): the system message, a line <c>---</c>, then
/// the user message with the placeholders <c>{instruction}</c>, <c>{output_a}</c> and <c>{output_b}</c>. The shipped
/// default asks for Arena-Hard's five verdict labels (lmarena/arena-hard-auto, <c>config/judge_config.yaml</c>
/// system prompt) and lays the user message out as <see cref="Core.Judging.JudgePrompts.ReadPairwise"/> reads it,
/// so <c>gym:WORLD</c> judges answer it. <see cref="Hash"/> (SHA-256 of the text) is part of every cache key.
/// </summary>
public sealed class JudgeTemplate
{
    private const string Separator = "\n---\n";
    private readonly string system, user;

    private JudgeTemplate(string text, string source)
    {
        text = text.Replace("\r\n", "\n");
        var split = text.IndexOf(Separator, StringComparison.Ordinal);
        if (split < 0) throw new FormatException($"{source}: no line '---' between the system message and the user message");
        (system, user) = (text[..split].Trim(), text[(split + Separator.Length)..].TrimEnd('\n'));
        foreach (var placeholder in (string[])["{instruction}", "{output_a}", "{output_b}"])
            if (!user.Contains(placeholder, StringComparison.Ordinal))
                throw new FormatException($"{source}: the user message lacks {placeholder}; expected {{instruction}}, {{output_a}} and {{output_b}}");
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>SHA-256 of the template text: a changed template never reuses cached verdicts.</summary>
    public string Hash { get; }

    /// <summary>The template in <paramref name="path"/>, or the shipped default when null.</summary>
    public static JudgeTemplate Load(string? path)
    {
        if (path is not null) return new JudgeTemplate(File.ReadAllText(path), path);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PrefSharp.Evaluation.Templates.pairwise.txt")!;
        return new JudgeTemplate(new StreamReader(stream).ReadToEnd(), "default template");
    }

    /// <summary>The system and user messages for one question, <paramref name="first"/> shown as A.</summary>
    public IReadOnlyList<Message> Render(string instruction, string first, string second) =>
    [
        new("system", system),
        new("user", user.Replace("{instruction}", instruction).Replace("{output_a}", first).Replace("{output_b}", second)),
    ];
}
