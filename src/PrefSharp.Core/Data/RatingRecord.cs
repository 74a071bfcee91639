namespace PrefSharp.Core.Data;

/// <summary>An absolutely rated response: one rating per requested objective, null where the record does not rate it.</summary>
public sealed record RatingRecord(string Prompt, string Response, double?[] Ratings);
