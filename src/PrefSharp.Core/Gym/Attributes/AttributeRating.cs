namespace PrefSharp.Core.Gym.Attributes;

/// <summary>A response rated on every attribute of an <see cref="Worlds.IAttributedWorld"/> (absolute ratings, ArmoRM stage 1).</summary>
public sealed record AttributeRating(string Prompt, string Response, double[] Ratings);
