using System;
using System.Collections.Generic;
using System.Xml;

namespace DmpConnector.Soap
{
    /// <summary>
    /// One SOAP call to make: headers, a body writer, the attachments (sent as MTOM), and whether the call may be retried.
    /// Immutable; the body writer may be called once per attempt.
    /// </summary>
    public sealed class SoapRequest
    {
        /// <summary>Creates the request.</summary>
        /// <param name="headers">The addressing and security headers.</param>
        /// <param name="writeBody">Writes the body's content; called once per attempt, so it must be repeatable.</param>
        public SoapRequest(SoapRequestHeaders headers, Action<XmlWriter> writeBody)
        {
            Headers = headers ?? throw new ArgumentNullException(nameof(headers));
            WriteBody = writeBody ?? throw new ArgumentNullException(nameof(writeBody));
        }

        /// <summary>The addressing and security headers.</summary>
        public SoapRequestHeaders Headers { get; }

        /// <summary>Writes the body's content.</summary>
        public Action<XmlWriter> WriteBody { get; }

        /// <summary>The binary parts; when not empty the request is sent as MTOM.</summary>
        public IReadOnlyList<MtomAttachment> Attachments { get; init; } = Array.Empty<MtomAttachment>();

        /// <summary>
        /// Send as MTOM even without attachments (IHE: ITI-41 and ITI-43 always travel as MTOM, pitfall 4). True
        /// automatically when there are attachments.
        /// </summary>
        public bool UseMtom { get; init; }

        /// <summary>
        /// True when repeating the call cannot do harm (queries, retrieves): transient failures are then retried with
        /// backoff. Never set it for feeding, deleting or updating.
        /// </summary>
        public bool IsIdempotent { get; init; }

        /// <summary>The time limit of this call (all attempts included), or null for <see cref="SoapTransportOptions.Timeout"/>.</summary>
        public TimeSpan? Timeout { get; init; }

        internal bool SendsMtom => UseMtom || Attachments.Count > 0;
    }
}
