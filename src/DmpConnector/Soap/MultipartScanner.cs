using System;
using DmpConnector.Internal;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A forward-only multipart (RFC 2046) scanner over a stream with one fixed buffer: finds delimiters (CRLF or bare
    /// LF before <c>--boundary</c>), reads header lines, and copies part bodies out in chunks without holding a part.
    /// </summary>
    internal sealed class MultipartScanner
    {
        private readonly Stream input;
        private readonly MtomReaderOptions options;
        private byte[] buffer;
        private int pos;
        private int len;
        private bool eof;
        private long total;
        private byte[] dashBoundary = Array.Empty<byte>();
        private byte[] delimiter = Array.Empty<byte>();

        public MultipartScanner(Stream input, MtomReaderOptions options)
        {
            this.input = input;
            this.options = options;
            buffer = new byte[Math.Max(64 * 1024, (options.MaxHeaderBytes * 2) + 1024)];
        }

        public void SetBoundary(string boundary)
        {
            dashBoundary = Encoding.ASCII.GetBytes("--" + boundary);
            delimiter = Encoding.ASCII.GetBytes("\n--" + boundary);
            if (buffer.Length < delimiter.Length * 4)
            {
                Array.Resize(ref buffer, delimiter.Length * 4);
            }
        }

        /// <summary>Reads a line without its CRLF/LF; null at the end of the input.</summary>
        public async Task<string?> ReadLineAsync(int maxBytes, CancellationToken cancellationToken)
        {
            while (true)
            {
                int idx = Array.IndexOf(buffer, (byte)'\n', pos, len - pos);
                if (idx >= 0)
                {
                    int end = idx > pos && buffer[idx - 1] == '\r' ? idx - 1 : idx;
                    string line = Latin1(pos, end - pos);
                    pos = idx + 1;
                    return line;
                }

                if (len - pos > maxBytes)
                {
                    throw new MtomFormatException("headers", "MTOM-LIMIT-HEADER", "a MIME header block is longer than MtomReaderOptions.MaxHeaderBytes (" + options.MaxHeaderBytes + " bytes)");
                }

                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (pos == len)
                    {
                        return null;
                    }

                    string rest = Latin1(pos, len - pos);
                    pos = len;
                    return rest;
                }
            }
        }

        /// <summary>Reads header lines up to the blank line, joining folded lines.</summary>
        public async Task<Dictionary<string, string>> ReadHeadersAsync(CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? last = null;
            int used = 0;
            while (true)
            {
                string? line = await ReadLineAsync(options.MaxHeaderBytes - used, cancellationToken).ConfigureAwait(false)
                    ?? throw Truncated();
                used += line.Length + 2;
                if (used > options.MaxHeaderBytes)
                {
                    throw new MtomFormatException("headers", "MTOM-LIMIT-HEADER", "a MIME header block is longer than MtomReaderOptions.MaxHeaderBytes (" + options.MaxHeaderBytes + " bytes)");
                }

                if (line.Trim().Length == 0)
                {
                    return headers;
                }

                if ((line[0] == ' ' || line[0] == '\t') && last is not null)
                {
                    headers[last] = headers[last] + " " + line.Trim();
                    continue;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    throw new MtomFormatException("headers", "MTOM-HEADER", "a MIME header line must be 'Name: value'", line.Length > 80 ? line.Substring(0, 80) : line);
                }

                last = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                if (!headers.ContainsKey(last))
                {
                    headers[last] = value;
                }
                else
                {
                    last = null; // a repeated header is ignored, first one wins
                }
            }
        }

        /// <summary>True when the next bytes are <c>--boundary</c> (a delimiter at the very start of the data).</summary>
        public async Task<bool> StartsWithDashBoundaryAsync(CancellationToken cancellationToken)
        {
            while (len - pos < dashBoundary.Length && await FillAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            if (len - pos < dashBoundary.Length)
            {
                return false;
            }

            return new ReadOnlySpan<byte>(buffer, pos, dashBoundary.Length).SequenceEqual(dashBoundary);
        }

        /// <summary>Skips the preamble up to and including the first delimiter.</summary>
        public async Task SkipPreambleAsync(CancellationToken cancellationToken)
        {
            if (await StartsWithDashBoundaryAsync(cancellationToken).ConfigureAwait(false))
            {
                pos += dashBoundary.Length;
                return;
            }

            while (true)
            {
                int idx = new ReadOnlySpan<byte>(buffer, pos, len - pos).IndexOf(delimiter);
                if (idx >= 0)
                {
                    pos += idx + delimiter.Length;
                    return;
                }

                pos = Math.Max(pos, len - (delimiter.Length - 1));
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new MtomFormatException("boundary", "MTOM-BOUNDARY-NOT-FOUND", "the message never contains its boundary: the Content-Type's boundary does not match the body, or the body is not multipart");
                }
            }
        }

        /// <summary>Copies one part's body to the sink and consumes the delimiter that ends it.</summary>
        public async Task CopyBodyAsync(PartSink sink, CancellationToken cancellationToken)
        {
            if (await StartsWithDashBoundaryAsync(cancellationToken).ConfigureAwait(false))
            {
                pos += dashBoundary.Length; // empty body written without its CRLF
                return;
            }

            while (true)
            {
                int idx = new ReadOnlySpan<byte>(buffer, pos, len - pos).IndexOf(delimiter);
                if (idx >= 0)
                {
                    int end = pos + idx;
                    int bodyEnd = end > pos && buffer[end - 1] == '\r' ? end - 1 : end;
                    await sink.WriteAsync(buffer, pos, bodyEnd - pos, cancellationToken).ConfigureAwait(false);
                    pos = end + delimiter.Length;
                    return;
                }

                int safe = len - delimiter.Length;
                if (safe > pos)
                {
                    await sink.WriteAsync(buffer, pos, safe - pos, cancellationToken).ConfigureAwait(false);
                    pos = safe;
                }

                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw Truncated();
                }
            }
        }

        private static MtomFormatException Truncated() =>
            new("body", "MTOM-TRUNCATED", "the message ends before its closing boundary: a part is truncated (connection cut, or a size limit upstream)");

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (eof)
            {
                return false;
            }

            if (pos > 0)
            {
                Buffer.BlockCopy(buffer, pos, buffer, 0, len - pos);
                len -= pos;
                pos = 0;
            }

            if (len == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int n = await input.ReadChunkAsync(buffer, len, buffer.Length - len, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                eof = true;
                return false;
            }

            len += n;
            total += n;
            if (total > options.MaxTotalBytes)
            {
                throw new MtomFormatException("body", "MTOM-LIMIT-TOTAL", "the message is larger than MtomReaderOptions.MaxTotalBytes (" + options.MaxTotalBytes + " bytes)");
            }

            return true;
        }

        private string Latin1(int offset, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)buffer[offset + i];
            }

            return new string(chars);
        }
    }
}
