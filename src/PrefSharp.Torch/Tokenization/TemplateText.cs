namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// Encodes text written by a template, where marker strings (special tokens) must become their single ids; the
/// text between markers goes through <see cref="ITokenizer.Encode"/>. User content never passes through here.
/// </summary>
public static class TemplateText
{
    /// <summary>Ids of <paramref name="text"/>, each occurrence of a marker of <paramref name="tokenizer"/> as one id.</summary>
    public static List<int> Encode(ITokenizer tokenizer, string text, IEnumerable<string> markers)
    {
        if (tokenizer is HuggingFaceTokenizer huggingFace) return [.. huggingFace.EncodeWithSpecialTokens(text)];
        var known = markers.Select(m => (Marker: m, Id: tokenizer.TokenToId(m))).Where(m => m.Id is not null)
            .OrderByDescending(m => m.Marker.Length).ToList();
        var ids = new List<int>();
        var start = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = known.FirstOrDefault(m => string.CompareOrdinal(text, position, m.Marker, 0, m.Marker.Length) == 0);
            if (match.Marker is null) { position++; continue; }
            if (position > start) ids.AddRange(tokenizer.Encode(text[start..position]));
            ids.Add(match.Id!.Value);
            position += match.Marker.Length;
            start = position;
        }
        if (text.Length > start) ids.AddRange(tokenizer.Encode(text[start..]));
        return ids;
    }
}
