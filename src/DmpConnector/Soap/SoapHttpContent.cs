using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Internal;

namespace DmpConnector.Soap
{
    /// <summary>The HTTP body of a SOAP request: a plain envelope, or an MTOM message streaming its attachments.</summary>
    internal sealed class SoapHttpContent : HttpContent
    {
        private readonly byte[] envelope;
        private readonly MtomWriter? mtom;
        private readonly IReadOnlyList<MtomAttachment> attachments;
        private readonly Stream? capture;
        private readonly CancellationToken cancellationToken;

        public SoapHttpContent(byte[] envelope, string action, MtomWriter? mtom, IReadOnlyList<MtomAttachment> attachments, Stream? capture, CancellationToken cancellationToken)
        {
            this.envelope = envelope;
            this.mtom = mtom;
            this.attachments = attachments;
            this.capture = capture;
            this.cancellationToken = cancellationToken;
            string contentType = mtom is not null
                ? mtom.ContentType
                : "application/soap+xml; charset=utf-8; action=\"" + action + "\"";
            Headers.TryAddWithoutValidation("Content-Type", contentType);
            ContentTypeText = contentType;
        }

        public string ContentTypeText { get; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => WriteAsync(stream, cancellationToken);

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            WriteAsync(stream, cancellationToken.CanBeCanceled ? cancellationToken : this.cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            long? computed = mtom is null ? envelope.Length : mtom.ComputeLength(envelope.Length, attachments);
            length = computed ?? 0;
            return computed.HasValue;
        }

        private async Task WriteAsync(Stream stream, CancellationToken token)
        {
            Stream target = capture is null ? stream : new TeeWriteStream(stream, capture);
            if (mtom is null)
            {
                await target.WriteChunkAsync(envelope, 0, envelope.Length, token).ConfigureAwait(false);
            }
            else
            {
                await mtom.WriteAsync(target, envelope, attachments, token).ConfigureAwait(false);
            }

            await target.FlushAsync(token).ConfigureAwait(false);
        }
    }
}
