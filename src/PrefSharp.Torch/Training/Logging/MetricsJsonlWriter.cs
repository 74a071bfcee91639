using System.Text.Json;

namespace PrefSharp.Torch.Training.Logging;

/// <summary>Appends one JSON object per line to <c>metrics.jsonl</c>: <c>{"step": S, "split": "train"|"eval", name: value, …}</c>.</summary>
public sealed class MetricsJsonlWriter : IDisposable
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "metrics.jsonl";

    private readonly StreamWriter writer;

    /// <summary>Opens <paramref name="path"/> for appending (a resumed run continues the same file).</summary>
    public MetricsJsonlWriter(string path)
    {
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    /// <summary>Writes one line; non-finite values are written as null.</summary>
    public void Write(long step, string split, IEnumerable<KeyValuePair<string, double>> metrics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("step", step);
            json.WriteString("split", split);
            foreach (var (name, value) in metrics)
            {
                if (double.IsFinite(value)) json.WriteNumber(name, value);
                else json.WriteNull(name);
            }
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public void Dispose() => writer.Dispose();
}
