using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Soap;
using DmpConnector.Xds;

namespace DmpConnector.Cli.Commands
{
    /// <summary>
    /// Opens a message file the way every message command reads it: plain XML (bare or in a SOAP envelope), or an MTOM
    /// message — a raw body starting with its boundary line, or a capture starting with HTTP headers — through the
    /// transport layer's <see cref="MtomMessage"/>.
    /// </summary>
    internal static class MessageFiles
    {
        /// <summary>Reads an MTOM message (body dump or HTTP capture) with the SDK's default limits.</summary>
        public static Task<MtomMessage> ReadMtomAsync(Stream stream, string? contentType, CancellationToken cancellationToken) =>
            MtomMessage.ReadAsync(stream, contentType, null, cancellationToken);

        /// <summary>
        /// Opens the XML of a message file: the file itself, or the root part of the MTOM message it holds. The result
        /// owns what it opened.
        /// </summary>
        public static async Task<OpenedXml> OpenXmlAsync(string path, string? contentType, CancellationToken cancellationToken)
        {
            FileStream file = File.OpenRead(path);
            try
            {
                var head = new byte[64];
                int count = 0;
                int n;
                while (count < head.Length && (n = await file.ReadAsync(head.AsMemory(count, head.Length - count), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    count += n;
                }

                file.Position = 0;
                if (contentType is null && !XdsReader.LooksLikeMultipart(head, count))
                {
                    return new OpenedXml(file, null, file);
                }

                MtomMessage message = await ReadMtomAsync(file, contentType, cancellationToken).ConfigureAwait(false);
                await file.DisposeAsync().ConfigureAwait(false);
                return new OpenedXml(message.Root.OpenRead(), message, null);
            }
            catch
            {
                await file.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The XML stream of a message file and what must be disposed with it.</summary>
        internal sealed class OpenedXml : IDisposable
        {
            private readonly IDisposable? file;

            public OpenedXml(Stream xml, MtomMessage? mtom, IDisposable? file)
            {
                Xml = xml;
                Mtom = mtom;
                this.file = file;
            }

            /// <summary>The MTOM message the XML is the root part of, or null for a plain XML file.</summary>
            public MtomMessage? Mtom { get; }

            /// <summary>The XML (the root part when the file was MTOM).</summary>
            public Stream Xml { get; }

            /// <summary>True when the file was an MTOM message.</summary>
            public bool WasMtom => Mtom is not null;

            public void Dispose()
            {
                Xml.Dispose();
                Mtom?.Dispose();
                file?.Dispose();
            }
        }
    }
}
