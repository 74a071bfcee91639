namespace PrefSharp.Core.Data;

/// <summary>A stream read once from start to end: no seeking, no writing, no length; subclasses implement <see cref="Read(Span{byte})"/>.</summary>
public abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    /// <summary>How many bytes have been read so far; cannot be set.</summary>
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    protected abstract long BytesRead { get; }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
