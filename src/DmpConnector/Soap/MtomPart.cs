using System;
using System.Collections.Generic;
using System.IO;

namespace DmpConnector.Soap
{
    /// <summary>
    /// One part of a received MTOM message: its headers and its bytes, held in memory when small and in a temporary
    /// file otherwise (deleted when the part, or its message, is disposed).
    /// </summary>
    public sealed class MtomPart : IDisposable
    {
        private readonly ChunkBuffer? memory;
        private FileStream? file;

        internal MtomPart(IReadOnlyDictionary<string, string> headers, ChunkBuffer? memory, FileStream? file, long length)
        {
            Headers = headers;
            this.memory = memory;
            this.file = file;
            Length = length;
            ContentType = headers.TryGetValue("Content-Type", out string? ct) ? ct : "text/plain";
            ContentId = headers.TryGetValue("Content-ID", out string? id) ? ContentIds.Normalize(id) : null;
        }

        /// <summary>The part's headers (names case-insensitive, folded lines joined).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The content id (angle brackets removed, percent-escapes decoded), or null when the part has none.</summary>
        public string? ContentId { get; }

        /// <summary>The part's <c>Content-Type</c> header, <c>text/plain</c> when absent (RFC 2045).</summary>
        public string ContentType { get; }

        /// <summary>The part's size in bytes.</summary>
        public long Length { get; }

        /// <summary>True when the part's bytes are in a temporary file rather than memory.</summary>
        public bool IsInTemporaryFile => file is not null;

        /// <summary>Opens the part's bytes for reading; each call returns a new stream, to dispose by the caller.</summary>
        /// <returns>A read-only stream of the part.</returns>
        public Stream OpenRead()
        {
            if (memory is not null)
            {
                return memory.OpenRead();
            }

            FileStream f = file ?? throw new ObjectDisposedException(nameof(MtomPart));
            return new FileStream(f.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.SequentialScan);
        }

        /// <summary>Deletes the temporary file, or returns the memory (cleared) to the pool.</summary>
        public void Dispose()
        {
            memory?.Dispose();
            // The file was opened with DeleteOnClose: closing the handle removes it.
            file?.Dispose();
            file = null;
        }
    }
}
