using System;
using System.Net;
using System.Net.Http;

namespace DmpConnector.Soap
{
    /// <summary>
    /// The answer to a SOAP call: the envelope (headers and a streaming body) and, for MTOM answers, the message whose
    /// parts the body's <c>xop:Include</c> elements point to. Dispose it to release the connection and temporary files.
    /// </summary>
    public sealed class SoapResponse : IDisposable
    {
        private readonly HttpResponseMessage? http;
        private readonly IDisposable? guard;

        internal SoapResponse(HttpStatusCode statusCode, string? contentType, SoapEnvelope envelope, MtomMessage? mtom, HttpResponseMessage? http, IDisposable? guard = null)
        {
            this.guard = guard;
            StatusCode = statusCode;
            ContentType = contentType;
            Envelope = envelope;
            Mtom = mtom;
            this.http = http;
        }

        /// <summary>The HTTP status code.</summary>
        public HttpStatusCode StatusCode { get; }

        /// <summary>The HTTP Content-Type of the answer.</summary>
        public string? ContentType { get; }

        /// <summary>The SOAP envelope; its <see cref="SoapEnvelope.Body"/> streams the body.</summary>
        public SoapEnvelope Envelope { get; }

        /// <summary>The MTOM message when the answer was multipart/related, else null.</summary>
        public MtomMessage? Mtom { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            guard?.Dispose();
            Envelope.Dispose();
            Mtom?.Dispose();
            http?.Dispose();
        }
    }
}
