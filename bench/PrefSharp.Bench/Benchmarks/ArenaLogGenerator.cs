using System.Text;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Writes Chatbot Arena battle JSONL (<c>{"model_a", "model_b", "winner"}</c>) fast enough for a hundred million
/// battles: bytes straight into a buffered file, no record per battle. Models "model-00"… have strengths spread
/// evenly over [−2, 2] logits; a battle is a Bradley–Terry draw with 10 % ties.
/// </summary>
public static class ArenaLogGenerator
{
    private static readonly byte[][] Winners = ["model_a"u8.ToArray(), "model_b"u8.ToArray(), "tie"u8.ToArray()];

    /// <summary>Writes <paramref name="battles"/> battles among <paramref name="models"/> models to <paramref name="path"/>; returns its size in bytes.</summary>
    public static long Write(string path, long battles, int models, int seed)
    {
        var names = Enumerable.Range(0, models).Select(k => Encoding.UTF8.GetBytes($"model-{k:D2}")).ToArray();
        var strengths = Enumerable.Range(0, models).Select(k => -2.0 + 4.0 * k / (models - 1)).ToArray();
        var random = new Random(seed);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var line = new byte[256];
            for (long battle = 0; battle < battles; battle++)
            {
                int a = random.Next(models), b = (a + 1 + random.Next(models - 1)) % models;
                double u = random.NextDouble(), winA = 0.9 / (1 + Math.Exp(strengths[b] - strengths[a]));
                var winner = u < 0.1 ? Winners[2] : u < 0.1 + winA ? Winners[0] : Winners[1];
                int length = 0;
                Append(line, ref length, "{\"model_a\": \""u8);
                Append(line, ref length, names[a]);
                Append(line, ref length, "\", \"model_b\": \""u8);
                Append(line, ref length, names[b]);
                Append(line, ref length, "\", \"winner\": \""u8);
                Append(line, ref length, winner);
                Append(line, ref length, "\"}\n"u8);
                stream.Write(line, 0, length);
            }
        }
        return new FileInfo(path).Length;
    }

    private static void Append(byte[] line, ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(line.AsSpan(length));
        length += bytes.Length;
    }
}
