namespace PrefSharp.Torch.Training.Logging;

/// <summary>
/// Appends scalar summaries to a TensorBoard event file <c>events.out.tfevents.TIME.HOST</c> in a folder (one new file
/// per writer, as TensorBoard expects). Each record is flushed so that a live TensorBoard sees it.
/// </summary>
public sealed class TensorBoardWriter : IDisposable
{
    private readonly FileStream stream;

    public TensorBoardWriter(string directory)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var name = $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}.{Guid.NewGuid():N}";
        FilePath = Path.Combine(directory, name[..Math.Min(name.Length, 200)]);
        stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        Append(TensorBoardEvent.FileVersion(WallTime()));
    }

    /// <summary>The event file being written.</summary>
    public string FilePath { get; }

    /// <summary>Writes one event with the given scalars at <paramref name="step"/>.</summary>
    public void WriteScalars(long step, IEnumerable<KeyValuePair<string, double>> scalars) =>
        Append(TensorBoardEvent.Scalars(WallTime(), step, scalars));

    public void Dispose() => stream.Dispose();

    private void Append(byte[] eventBytes)
    {
        stream.Write(TfRecord.Frame(eventBytes));
        stream.Flush();
    }

    private static double WallTime() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
