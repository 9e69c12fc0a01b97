using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A small part's bytes in pooled 64 KiB chunks (no doubling copies, no large-object-heap arrays). The chunks go back
    /// to the pool on <see cref="Dispose"/>; streams opened before then refuse to read afterwards.
    /// </summary>
    internal sealed class ChunkBuffer : IDisposable
    {
        private const int ChunkSize = 64 * 1024;
        private readonly List<byte[]> chunks = new();
        private bool disposed;

        public long Length { get; private set; }

        public void Write(byte[] data, int offset, int count)
        {
            while (count > 0)
            {
                int inLast = (int)(Length % ChunkSize);
                if (inLast == 0 && Length / ChunkSize == chunks.Count)
                {
                    chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                }

                int n = Math.Min(count, ChunkSize - inLast);
                Buffer.BlockCopy(data, offset, chunks[chunks.Count - 1], inLast, n);
                Length += n;
                offset += n;
                count -= n;
            }
        }

        public void CopyTo(Stream destination)
        {
            long left = Length;
            foreach (byte[] chunk in chunks)
            {
                int n = (int)Math.Min(ChunkSize, left);
                destination.Write(chunk, 0, n);
                left -= n;
            }
        }

        public Stream OpenRead() => new Reader(this);

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (byte[] chunk in chunks)
            {
                // Cleared: these bytes are patient documents and the pool is shared.
                ArrayPool<byte>.Shared.Return(chunk, clearArray: true);
            }

            chunks.Clear();
        }

        private sealed class Reader : Stream
        {
            private readonly ChunkBuffer owner;
            private long position;

            public Reader(ChunkBuffer owner) => this.owner = owner;

            public override bool CanRead => true;

            public override bool CanSeek => true;

            public override bool CanWrite => false;

            public override long Length => owner.Length;

            public override long Position
            {
                get => position;
                set => position = value >= 0 && value <= owner.Length ? value : throw new ArgumentOutOfRangeException(nameof(value));
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (owner.disposed)
                {
                    throw new ObjectDisposedException(nameof(MtomPart), "The MTOM part was disposed; its bytes are gone.");
                }

                int total = 0;
                while (count > 0 && position < owner.Length)
                {
                    int index = (int)(position / ChunkSize);
                    int within = (int)(position % ChunkSize);
                    int n = (int)Math.Min(Math.Min(count, ChunkSize - within), owner.Length - position);
                    Buffer.BlockCopy(owner.chunks[index], within, buffer, offset, n);
                    position += n;
                    offset += n;
                    count -= n;
                    total += n;
                }

                return total;
            }

            public override long Seek(long offset, SeekOrigin origin)
            {
                Position = origin switch
                {
                    SeekOrigin.Begin => offset,
                    SeekOrigin.Current => position + offset,
                    _ => owner.Length + offset,
                };
                return position;
            }

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
