using System;

namespace DmpConnector.Soap
{
    /// <summary>
    /// The SOAP headers of a request: the WS-Addressing 1.0 headers in the order of the official DMP examples
    /// (<c>MessageID</c>, <c>To</c>, <c>ReplyTo</c>, <c>Action</c>) and the <c>wsse:Security</c> slot for the signed VIHF.
    /// Immutable.
    /// </summary>
    public sealed class SoapRequestHeaders
    {
        /// <summary>Creates the headers of a request.</summary>
        /// <param name="action">The WS-Addressing action, e.g. <c>urn:ihe:iti:2007:RegistryStoredQuery</c>.</param>
        /// <exception cref="SoapFormatException">Rule <c>SOAP-ACTION</c>: the action is empty.</exception>
        public SoapRequestHeaders(string action)
        {
            if (string.IsNullOrWhiteSpace(action))
            {
                throw new SoapFormatException("wsa:Action", "SOAP-ACTION", "a SOAP request needs a WS-Addressing action (e.g. urn:ihe:iti:2007:RegistryStoredQuery)");
            }

            Action = action;
            MessageId = "urn:uuid:" + Guid.NewGuid().ToString("D");
        }

        /// <summary>The WS-Addressing action, written in <c>wsa:Action</c> and in the HTTP Content-Type <c>action</c> parameter.</summary>
        public string Action { get; }

        /// <summary>The WS-Addressing message id; a new <c>urn:uuid:</c> by default.</summary>
        public string MessageId { get; init; }

        /// <summary>
        /// The <c>wsa:To</c> value (the endpoint address), or null to write an empty <c>&lt;To/&gt;</c> as the official DMP
        /// examples do. The transport fills it with the endpoint when it is null.
        /// </summary>
        public string? To { get; init; }

        /// <summary>The signed element for the <c>wsse:Security</c> header (the VIHF assertion), or null for no security header.</summary>
        public SignedXmlFragment? Security { get; init; }

        /// <summary>
        /// When true, <c>ReplyTo</c> and <c>Action</c> carry an unprefixed <c>mustUnderstand="true"</c>, byte-like the official
        /// DMP examples (which SOAP itself ignores). False (default): the SOAP 1.2 attribute <c>soap:mustUnderstand="true"</c>,
        /// what WCF-based DMP clients send. The DMP's own requirement is not documented; both are accepted by it per the examples
        /// and the ANS WCF kit.
        /// </summary>
        public bool UnprefixedMustUnderstand { get; init; }
    }
}
