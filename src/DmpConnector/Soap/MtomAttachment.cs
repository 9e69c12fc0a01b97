using System;
using DmpConnector.Internal;
using System.IO;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A binary part to send with an MTOM message: the content id its <c>xop:Include</c> points to and the caller's
    /// stream, read once while the message is written (never copied into memory). The caller owns and disposes the stream.
    /// </summary>
    public sealed class MtomAttachment
    {
        /// <summary>Creates the attachment.</summary>
        /// <param name="contentId">The content id without angle brackets, e.g. <c>doc1@dmpconnector</c>; the body refers to it with <see cref="Href"/>.</param>
        /// <param name="content">The bytes, read from the current position to the end. Must be seekable for a retried (idempotent) call.</param>
        /// <param name="contentType">The part's media type; <c>application/octet-stream</c> by default.</param>
        /// <exception cref="MtomFormatException">Rule <c>MTOM-CONTENT-ID</c>: the content id is empty or has brackets, spaces or control characters.</exception>
        public MtomAttachment(string contentId, Stream content, string contentType = "application/octet-stream")
        {
            if (string.IsNullOrEmpty(contentId))
            {
                throw new MtomFormatException("Content-ID", "MTOM-CONTENT-ID", "an attachment needs a content id", contentId);
            }

            foreach (char c in contentId)
            {
                if (c is '<' or '>' or ' ' or '"' || c < ' ' || c > '~')
                {
                    throw new MtomFormatException("Content-ID", "MTOM-CONTENT-ID", "a content id is printable ASCII without spaces, quotes or angle brackets (they are added on the wire)", contentId);
                }
            }

            if (string.IsNullOrWhiteSpace(contentType) || StreamCompat.ContainsAny(contentType, "\r\n"))
            {
                throw new MtomFormatException("Content-Type", "MTOM-CONTENT-TYPE", "an attachment needs a single-line media type", contentType);
            }

            ContentId = contentId;
            Content = content ?? throw new ArgumentNullException(nameof(content));
            ContentType = contentType;
        }

        /// <summary>The content id, without angle brackets.</summary>
        public string ContentId { get; }

        /// <summary>The caller's stream holding the bytes.</summary>
        public Stream Content { get; }

        /// <summary>The part's media type.</summary>
        public string ContentType { get; }

        /// <summary>The value for <c>xop:Include href</c>: <c>cid:</c> and the URL-encoded content id (see <see cref="ContentIds.ToHref"/>).</summary>
        public string Href => ContentIds.ToHref(ContentId);
    }
}
