using System.Text.Json;

namespace PrefSharp.Cli.Output;

/// <summary>Serializer settings shared by every JSON the CLI prints.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
