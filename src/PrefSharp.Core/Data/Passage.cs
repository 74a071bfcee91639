namespace PrefSharp.Core.Data;

/// <summary>
/// A prompt or a response: plain text, or a conversation of role/content messages
/// (TRL's "standard" and "conversational" shapes).
/// </summary>
public sealed record Passage
{
    private Passage(string? text, IReadOnlyList<Message>? messages)
    {
        Text = text;
        Messages = messages;
    }

    /// <summary>The plain text, or null when this passage is a conversation.</summary>
    public string? Text { get; }

    /// <summary>The conversation, or null when this passage is plain text.</summary>
    public IReadOnlyList<Message>? Messages { get; }

    public bool IsConversation => Messages is not null;

    /// <summary>An empty plain-text passage (a pair with no separate prompt).</summary>
    public static Passage Empty { get; } = new("", null);

    public static Passage FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    public static Passage FromMessages(IReadOnlyList<Message> messages) =>
        new(null, messages ?? throw new ArgumentNullException(nameof(messages)));

    /// <summary>True when there is no text at all (empty string, or only empty messages).</summary>
    public bool IsEmpty => Messages is null ? Text!.Length == 0 : Messages.All(m => m.Content.Length == 0);

    /// <summary>Number of UTF-16 characters of content (message contents summed).</summary>
    public int Length => Messages is null ? Text!.Length : Messages.Sum(m => m.Content.Length);

    /// <summary>The content as one string; conversations are joined as "role: content" lines.</summary>
    public string ToPlainText() =>
        Messages is null ? Text! : string.Join("\n", Messages.Select(m => $"{m.Role}: {m.Content}"));

    public bool Equals(Passage? other) =>
        other is not null && Text == other.Text &&
        (Messages is null ? other.Messages is null : other.Messages is not null && Messages.SequenceEqual(other.Messages));

    public override int GetHashCode() =>
        Messages is null ? HashCode.Combine(Text) : Messages.Aggregate(17, (h, m) => HashCode.Combine(h, m));

    public override string ToString() => ToPlainText();
}
