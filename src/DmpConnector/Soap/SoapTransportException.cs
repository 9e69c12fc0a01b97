using System;
using System.Net;

namespace DmpConnector.Soap
{
    /// <summary>
    /// The HTTP exchange failed without a SOAP answer: connection refused, TLS failure, timeout, or an HTTP error status
    /// whose body is not a SOAP envelope.
    /// </summary>
    public class SoapTransportException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed, in plain English.</param>
        /// <param name="statusCode">The HTTP status code, or null when no response arrived.</param>
        /// <param name="isTimeout">True when the per-call timeout expired.</param>
        /// <param name="responseBody">The start of the response body (at most 4 KiB of text), or null. May contain patient data.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public SoapTransportException(string message, HttpStatusCode? statusCode, bool isTimeout, string? responseBody, Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            IsTimeout = isTimeout;
            ResponseBody = responseBody;
        }

        /// <summary>The HTTP status code, or null when no response arrived (connection or TLS failure, timeout).</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>True when the per-call timeout of the transport options expired.</summary>
        public bool IsTimeout { get; }

        /// <summary>The start of the non-SOAP response body, for support. May contain patient data; never logged by the SDK.</summary>
        public string? ResponseBody { get; }

        /// <summary>
        /// True for failures worth retrying for idempotent operations: no response (connection), timeouts, and the
        /// statuses 408, 429, 502, 503, 504.
        /// </summary>
        public override bool IsTransient => StatusCode is null || IsTimeout || StatusCode is HttpStatusCode.RequestTimeout or (HttpStatusCode)429
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }
}
