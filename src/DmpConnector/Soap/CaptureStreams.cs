using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Internal;

namespace DmpConnector.Soap
{
    /// <summary>Writes everything written to <c>inner</c> to a capture stream too.</summary>
    internal sealed class TeeWriteStream : Stream
    {
        private readonly Stream inner;
        private readonly Stream copy;

        public TeeWriteStream(Stream inner, Stream copy)
        {
            this.inner = inner;
            this.copy = copy;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            inner.Flush();
            copy.Flush();
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            await copy.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            copy.Write(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await inner.WriteChunkAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            await copy.WriteChunkAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }

#if NET
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
#endif
    }

    /// <summary>Copies everything read from <c>inner</c> to a capture stream, and owns both.</summary>
    internal sealed class TeeReadStream : Stream
    {
        private readonly Stream inner;
        private readonly Stream copy;

        public TeeReadStream(Stream inner, Stream copy)
        {
            this.inner = inner;
            this.copy = copy;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            copy.Write(buffer, offset, n);
            return n;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int n = await inner.ReadChunkAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            await copy.WriteChunkAsync(buffer, offset, n, cancellationToken).ConfigureAwait(false);
            return n;
        }

#if NET
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(buffer.Slice(0, n), cancellationToken).ConfigureAwait(false);
            return n;
        }
#endif

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
