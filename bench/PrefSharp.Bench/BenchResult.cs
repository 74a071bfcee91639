using System.Text.Json.Serialization;

namespace PrefSharp.Bench;

/// <summary>
/// One measured number with its bound: <c>{"bench", "metric", "value", "unit", "bound", "ratio"}</c>.
/// <see cref="Ratio"/> is value / bound unless the benchmark states otherwise in its description.
/// </summary>
public sealed record BenchResult(
    [property: JsonPropertyName("bench")] string Bench,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("bound")] double Bound,
    [property: JsonPropertyName("ratio")] double Ratio);
