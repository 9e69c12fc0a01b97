using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace DmpConnector.Internal
{
    /// <summary>
    /// A pass-through stream that counts the bytes read from or written to the inner stream and computes their SHA-1
    /// (the XDS <c>hash</c> and <c>size</c> of a document), without buffering them. Never seekable.
    /// </summary>
    internal sealed class HashingStream : Stream
    {
        private readonly Stream _inner;
        private readonly bool _leaveOpen;
#pragma warning disable CA5350 // SHA-1 is the XDS document hash (ITI TF-3 4.2.3.2.12), not a security use.
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        private byte[]? _result;

        public HashingStream(Stream inner, bool leaveOpen = true)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _leaveOpen = leaveOpen;
        }

        /// <summary>Bytes that went through so far.</summary>
        public long Count { get; private set; }

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => _inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        /// <summary>The SHA-1 of every byte that went through, lower-case hex. Ends the hashing.</summary>
        public string HashHex()
        {
            _result ??= _hash.GetHashAndReset();
            return Hex.ToLower(_result);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            Append(buffer, offset, n);
            return n;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int n = await _inner.ReadChunkAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Append(buffer, offset, n);
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Append(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteChunkAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Append(buffer, offset, count);
        }

#if NET
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n > 0)
            {
                _hash.AppendData(buffer.Span.Slice(0, n));
                Count += n;
            }

            return n;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length > 0)
            {
                _hash.AppendData(buffer.Span);
                Count += buffer.Length;
            }
        }
#endif

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                if (!_leaveOpen)
                {
                    _inner.Dispose();
                }
            }

            base.Dispose(disposing);
        }

        private void Append(byte[] buffer, int offset, int count)
        {
            if (count > 0)
            {
                _hash.AppendData(buffer, offset, count);
                Count += count;
            }
        }
    }
}
