namespace PrefSharp.Core.Data;

/// <summary>
/// Splits the prompt shared by a chosen and a rejected completion that both contain it, as TRL's
/// <c>extract_prompt</c> (trl/data_utils.py) does: the prompt ends at the first position where they differ;
/// for text, a space just before that position goes to the completions ("The sky is| blue." vs "| green.");
/// when neither differs before the shorter one ends, the last element stays in the completions
/// (TRL's loop leaves its index at length − 1). Departure: a difference at the very first character gives an
/// empty prompt (TRL would index position −1 there), and a UTF-16 surrogate pair is never cut in half.
/// </summary>
public static class ImplicitPrompt
{
    /// <summary>Splits plain texts.</summary>
    public static (string Prompt, string Chosen, string Rejected) Split(string chosen, string rejected)
    {
        var shortest = Math.Min(chosen.Length, rejected.Length);
        var index = chosen.AsSpan(0, shortest).CommonPrefixLength(rejected.AsSpan(0, shortest));
        if (index == shortest)
        {
            index = Math.Max(shortest - 1, 0);
        }
        else if (index > 0 && chosen[index - 1] == ' ')
        {
            index--;
        }
        if (index > 0 && char.IsHighSurrogate(chosen[index - 1]))
        {
            index--;
        }
        return (chosen[..index], chosen[index..], rejected[index..]);
    }

    /// <summary>Splits conversations at the first message that differs.</summary>
    public static (Message[] Prompt, Message[] Chosen, Message[] Rejected) Split(IReadOnlyList<Message> chosen, IReadOnlyList<Message> rejected)
    {
        var shortest = Math.Min(chosen.Count, rejected.Count);
        var index = 0;
        while (index < shortest && chosen[index] == rejected[index])
        {
            index++;
        }
        if (index == shortest)
        {
            index = Math.Max(shortest - 1, 0);
        }
        return (chosen.Take(index).ToArray(), chosen.Skip(index).ToArray(), rejected.Skip(index).ToArray());
    }

    /// <summary>Splits two passages of the same kind (both text or both conversations).</summary>
    public static (Passage Prompt, Passage Chosen, Passage Rejected) Split(Passage chosen, Passage rejected)
    {
        if (chosen.Messages is { } chosenMessages && rejected.Messages is { } rejectedMessages)
        {
            var (prompt, c, r) = Split(chosenMessages, rejectedMessages);
            return (Passage.FromMessages(prompt), Passage.FromMessages(c), Passage.FromMessages(r));
        }
        var (textPrompt, textChosen, textRejected) = Split(chosen.Text!, rejected.Text!);
        return (Passage.FromText(textPrompt), Passage.FromText(textChosen), Passage.FromText(textRejected));
    }
}
