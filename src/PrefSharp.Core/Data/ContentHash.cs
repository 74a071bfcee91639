namespace PrefSharp.Core.Data;

/// <summary>A 64-bit FNV-1a hash over strings and passages, to find duplicate records without keeping their text.</summary>
internal struct ContentHash
{
    private ulong value = 14695981039346656037UL;

    public ContentHash()
    {
    }

    public readonly ulong Value => value;

    public void Add(string? text)
    {
        foreach (var c in text ?? "\u0001null")
        {
            value = (value ^ c) * 1099511628211UL;
        }
        value = (value ^ 0xFFFF) * 1099511628211UL;
    }

    public void Add(Passage? passage)
    {
        if (passage?.Messages is { } messages)
        {
            foreach (var message in messages)
            {
                Add(message.Role);
                Add(message.Content);
            }
            return;
        }
        Add(passage?.Text);
    }
}
