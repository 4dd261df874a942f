using System.Buffers.Binary;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// "These positions of this stream are covered by a state write": sent over core NATS to every silo, because the
/// consumer grain may live on another silo than the receiver holding the messages. Binary: namespace and key with
/// 16-bit lengths, a 32-bit count, then (sequence, index) pairs.
/// </summary>
internal readonly record struct CheckpointNotice(StreamId Stream, IReadOnlyList<(long Sequence, int Index)> Positions)
{
    public byte[] Encode()
    {
        var ns = Stream.Namespace.Span;
        var key = Stream.Key.Span;
        var buffer = new byte[2 + ns.Length + 2 + key.Length + 4 + Positions.Count * 12];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)ns.Length);
        ns.CopyTo(span[2..]);
        span = span[(2 + ns.Length)..];
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)key.Length);
        key.CopyTo(span[2..]);
        span = span[(2 + key.Length)..];
        BinaryPrimitives.WriteInt32LittleEndian(span, Positions.Count);
        span = span[4..];
        foreach (var (sequence, index) in Positions)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span, sequence);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], index);
            span = span[12..];
        }
        return buffer;
    }

    /// <summary>Decodes a notice; null for anything malformed (ignored: the messages are redelivered instead).</summary>
    public static CheckpointNotice? Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) return null;
        var nsLength = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (data.Length < 2 + nsLength + 2) return null;
        var ns = data.Slice(2, nsLength);
        data = data[(2 + nsLength)..];
        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (data.Length < 2 + keyLength + 4) return null;
        var key = data.Slice(2, keyLength);
        data = data[(2 + keyLength)..];
        var count = BinaryPrimitives.ReadInt32LittleEndian(data);
        data = data[4..];
        if (count < 0 || data.Length != count * 12) return null;
        var positions = new (long, int)[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = (BinaryPrimitives.ReadInt64LittleEndian(data), BinaryPrimitives.ReadInt32LittleEndian(data[8..]));
            data = data[12..];
        }
        return new CheckpointNotice(StreamId.Create(ns, key), positions);
    }

    public static CheckpointNotice From(StreamId stream, IReadOnlyList<StreamSequenceToken> tokens) =>
        new(stream, [.. tokens.Select(t => (t.SequenceNumber, t.EventIndex))]);
}
