using System;
using DmpConnector.Internal;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DmpConnector.Soap
{
    /// <summary>
    /// Writes an MTOM/XOP message (<c>multipart/related</c>, RFC 2387): the SOAP 1.2 envelope as the root part, then each
    /// attachment streamed from the caller's stream. The MIME parameters go in the HTTP <c>Content-Type</c>
    /// (<see cref="ContentType"/>), never into the body (pitfall 1).
    /// </summary>
    public sealed class MtomWriter
    {
        private const int CopyBufferSize = 81920;
        private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };

        /// <summary>Creates a writer with a fresh boundary and root content id.</summary>
        /// <param name="action">The SOAP action, repeated in the Content-Type's <c>action</c> parameter.</param>
        public MtomWriter(string action)
        {
            if (string.IsNullOrWhiteSpace(action) || StreamCompat.ContainsAny(action, "\"\r\n"))
            {
                throw new SoapFormatException("wsa:Action", "SOAP-ACTION", "the action must be a non-empty single-line URI without quotes");
            }

            Action = action;
            string id = Guid.NewGuid().ToString("N");
            Boundary = "MIMEBoundary_" + id;
            RootContentId = "root." + id + "@dmpconnector";
        }

        /// <summary>The SOAP action.</summary>
        public string Action { get; }

        /// <summary>The MIME boundary (1–70 characters of RFC 2046 <c>bchars</c>, no trailing space).</summary>
        public string Boundary { get; init; }

        /// <summary>The content id of the root (SOAP envelope) part, without angle brackets.</summary>
        public string RootContentId { get; init; }

        /// <summary>
        /// The HTTP Content-Type of the message: <c>multipart/related; type="application/xop+xml"; start="&lt;root&gt;";
        /// start-info="application/soap+xml"; boundary="…"; action="…"</c>.
        /// </summary>
        public string ContentType => string.Format(
            CultureInfo.InvariantCulture,
            "multipart/related; type=\"application/xop+xml\"; start=\"<{0}>\"; start-info=\"application/soap+xml\"; boundary=\"{1}\"; action=\"{2}\"",
            RootContentId,
            Boundary,
            Action);

        /// <summary>Writes the message.</summary>
        /// <param name="output">Where the message goes (e.g. the HTTP request stream); left open.</param>
        /// <param name="envelope">The UTF-8 SOAP 1.2 envelope (see <see cref="SoapEnvelopeWriter"/>), whose body refers to the attachments by <see cref="MtomAttachment.Href"/>.</param>
        /// <param name="attachments">The binary parts, each read once from its stream.</param>
        /// <param name="cancellationToken">Cancels between chunks of an attachment.</param>
        /// <returns>A task that completes when the closing boundary is written.</returns>
        /// <exception cref="MtomFormatException">Rules <c>MTOM-BOUNDARY</c>, <c>MTOM-DUPLICATE-CID</c>.</exception>
        public async Task WriteAsync(Stream output, byte[] envelope, IReadOnlyList<MtomAttachment> attachments, CancellationToken cancellationToken = default)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (envelope is null)
            {
                throw new ArgumentNullException(nameof(envelope));
            }

            if (attachments is null)
            {
                throw new ArgumentNullException(nameof(attachments));
            }

            Validate(attachments);
            byte[] rootHeader = Ascii(
                "--" + Boundary + "\r\n" +
                "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n" +
                "Content-Transfer-Encoding: binary\r\n" +
                "Content-ID: <" + RootContentId + ">\r\n\r\n");
            await output.WriteChunkAsync(rootHeader, 0, rootHeader.Length, cancellationToken).ConfigureAwait(false);
            await output.WriteChunkAsync(envelope, 0, envelope.Length, cancellationToken).ConfigureAwait(false);
            byte[] buffer = new byte[CopyBufferSize];
            foreach (MtomAttachment attachment in attachments)
            {
                byte[] header = PartHeader(attachment);
                await output.WriteChunkAsync(header, 0, header.Length, cancellationToken).ConfigureAwait(false);
                int n;
                while ((n = await attachment.Content.ReadChunkAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await output.WriteChunkAsync(buffer, 0, n, cancellationToken).ConfigureAwait(false);
                }
            }

            byte[] close = Ascii("\r\n--" + Boundary + "--\r\n");
            await output.WriteChunkAsync(close, 0, close.Length, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The exact length of the message when every attachment stream can tell its remaining length, else null (then
        /// the message is sent chunked).
        /// </summary>
        /// <param name="envelopeLength">The envelope's length in bytes.</param>
        /// <param name="attachments">The attachments.</param>
        /// <returns>The length in bytes, or null.</returns>
        public long? ComputeLength(long envelopeLength, IReadOnlyList<MtomAttachment> attachments)
        {
            if (attachments is null)
            {
                throw new ArgumentNullException(nameof(attachments));
            }

            long total = Ascii(
                "--" + Boundary + "\r\n" +
                "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n" +
                "Content-Transfer-Encoding: binary\r\n" +
                "Content-ID: <" + RootContentId + ">\r\n\r\n").Length + envelopeLength;
            foreach (MtomAttachment a in attachments)
            {
                if (!a.Content.CanSeek)
                {
                    return null;
                }

                total += PartHeader(a).Length + (a.Content.Length - a.Content.Position);
            }

            return total + Ascii("\r\n--" + Boundary + "--\r\n").Length;
        }

        private byte[] PartHeader(MtomAttachment a) => Ascii(
            "\r\n--" + Boundary + "\r\n" +
            "Content-Type: " + a.ContentType + "\r\n" +
            "Content-Transfer-Encoding: binary\r\n" +
            "Content-ID: <" + a.ContentId + ">\r\n\r\n");

        private void Validate(IReadOnlyList<MtomAttachment> attachments)
        {
            if (Boundary.Length is 0 or > 70 || Boundary[Boundary.Length - 1] == ' ')
            {
                throw new MtomFormatException("boundary", "MTOM-BOUNDARY", "a MIME boundary has 1 to 70 characters and does not end with a space", Boundary);
            }

            foreach (char c in Boundary)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "'()+_,-./:=? ".IndexOf(c) >= 0;
                if (!ok)
                {
                    throw new MtomFormatException("boundary", "MTOM-BOUNDARY", "a MIME boundary uses only letters, digits and '()+_,-./:=? (RFC 2046)", Boundary);
                }
            }

            if (RootContentId.Length == 0 || StreamCompat.ContainsAny(RootContentId, "<> \"\r\n\t"))
            {
                throw new MtomFormatException("Content-ID", "MTOM-CONTENT-ID", "the root content id is printable ASCII without spaces, quotes or angle brackets", RootContentId);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { ContentIds.Normalize(RootContentId) };
            foreach (MtomAttachment a in attachments)
            {
                if (!seen.Add(ContentIds.Normalize(a.ContentId)))
                {
                    throw new MtomFormatException("Content-ID", "MTOM-DUPLICATE-CID", "two parts of one message cannot share a content id", a.ContentId);
                }
            }
        }

        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
    }
}
