using System;

namespace DmpConnector.Soap
{
    /// <summary>
    /// The TLS handshake failed: the server's certificate was not trusted, or the server refused the client certificate.
    /// Never transient: repeating the call cannot help until the certificates are fixed.
    /// </summary>
    public class SoapTlsException : SoapTransportException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed.</param>
        /// <param name="innerException">The TLS failure.</param>
        public SoapTlsException(string message, Exception? innerException)
            : base(message, null, false, null, innerException)
        {
        }

        /// <inheritdoc />
        public override bool IsTransient => false;
    }
}
