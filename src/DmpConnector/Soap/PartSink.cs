using System;
using DmpConnector.Internal;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DmpConnector.Soap
{
    /// <summary>Collects one part's bytes: in memory up to the threshold, then in a private temporary file.</summary>
    internal sealed class PartSink : IDisposable
    {
        private readonly MtomReaderOptions options;
        private ChunkBuffer? memory = new();
        private FileStream? file;
        private long length;

        public PartSink(MtomReaderOptions options) => this.options = options;

        public async Task WriteAsync(byte[] data, int offset, int count, CancellationToken cancellationToken)
        {
            if (count == 0)
            {
                return;
            }

            if (file is null && memory!.Length + count > options.SpillThresholdBytes)
            {
                file = CreateTemporaryFile(options.TempDirectory);
                memory.CopyTo(file);
                memory.Dispose();
                memory = null;
            }

            length += count;
            if (file is not null)
            {
                await file.WriteChunkAsync(data, offset, count, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                memory!.Write(data, offset, count);
            }
        }

        public async Task<MtomPart> CompleteAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
        {
            if (file is not null)
            {
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                FileStream f = file;
                file = null;
                return new MtomPart(headers, null, f, length);
            }

            ChunkBuffer bytes = memory!;
            memory = null;
            return new MtomPart(headers, bytes, null, length);
        }

        public void Dispose()
        {
            file?.Dispose();
            memory?.Dispose();
        }

        internal static FileStream CreateTemporaryFile(string? directory)
        {
            string path = Path.Combine(directory ?? Path.GetTempPath(), "dmpconnector-" + Guid.NewGuid().ToString("N") + ".part");
#if NET
            var fileOptions = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.DeleteOnClose,
                BufferSize = 81920,
            };
            if (!OperatingSystem.IsWindows())
            {
                // Documents are patient data: readable by this user only.
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new FileStream(path, fileOptions);
#else
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
#endif
        }
    }
}
