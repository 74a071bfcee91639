using System.Globalization;

namespace PrefSharp.Torch.Tokenization.Unicode;

/// <summary>
/// The Unicode Character Database facts that NFC and NFKC need (UAX #15): canonical combining classes, full canonical
/// and compatibility decompositions, and the primary composites. Read from the embedded
/// <c>unicode-normalization.txt</c>, which <c>generate-normalization-data.py</c> writes (its header gives the format).
/// Hangul syllables are not listed: <see cref="UnicodeNormalizer"/> handles them by arithmetic.
/// </summary>
internal sealed class NormalizationTables
{
    private const string ResourceName = "PrefSharp.Torch.unicode-normalization.txt";

    private static readonly Lazy<NormalizationTables> Instance = new(Read);

    private readonly Dictionary<int, int> combiningClass = [];
    private readonly Dictionary<int, int[]> canonical = [];
    private readonly Dictionary<int, int[]> compatibility = [];
    private readonly Dictionary<long, int> composites = [];

    /// <summary>The tables, read once.</summary>
    public static NormalizationTables Shared => Instance.Value;

    /// <summary>The Unicode version the tables were generated from.</summary>
    public string UnicodeVersion { get; private set; } = "";

    /// <summary>Canonical combining class (0 for starters).</summary>
    public int CombiningClass(int codePoint) => combiningClass.GetValueOrDefault(codePoint);

    /// <summary>The full decomposition of <paramref name="codePoint"/>, or null when it is its own decomposition.</summary>
    public int[]? Decomposition(int codePoint, bool compatible) =>
        compatible && compatibility.TryGetValue(codePoint, out var k) ? k : canonical.GetValueOrDefault(codePoint);

    /// <summary>The primary composite of <paramref name="first"/> + <paramref name="second"/>, if there is one.</summary>
    public bool TryCompose(int first, int second, out int composite) => composites.TryGetValue(Pair(first, second), out composite);

    private static long Pair(int first, int second) => ((long)first << 21) | (uint)second;

    private static NormalizationTables Read()
    {
        using var stream = typeof(NormalizationTables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from PrefSharp.Torch");
        using var reader = new StreamReader(stream);
        var tables = new NormalizationTables();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var fields = line.Split(' ');
            try { tables.Add(fields); }
            catch (Exception problem) when (problem is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"{ResourceName}:{number}: {problem.Message}; expected V, C, D, K or P lines");
            }
        }
        return tables;
    }

    private void Add(string[] fields)
    {
        int Hex(int index) => int.Parse(fields[index], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int[] Rest() => [.. fields.Skip(2).Select(f => int.Parse(f, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
        switch (fields[0])
        {
            case "V": UnicodeVersion = fields[1]; break;
            case "C":
                var value = int.Parse(fields[3], CultureInfo.InvariantCulture);
                for (var codePoint = Hex(1); codePoint <= Hex(2); codePoint++) combiningClass[codePoint] = value;
                break;
            case "D": canonical[Hex(1)] = Rest(); break;
            case "K": compatibility[Hex(1)] = Rest(); break;
            case "P": composites[Pair(Hex(2), Hex(3))] = Hex(1); break;
            default: throw new FormatException($"unknown line kind \"{fields[0]}\"");
        }
    }
}
