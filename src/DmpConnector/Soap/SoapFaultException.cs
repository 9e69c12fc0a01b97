using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;

namespace DmpConnector.Soap
{
    /// <summary>
    /// The service answered with a SOAP fault (1.2 or 1.1, plain or inside an MTOM response). Carries the code, the
    /// subcodes (e.g. <c>DMPInvalidCertificate</c>), the reason, the detail XML and the raw message for support.
    /// </summary>
    /// <remarks>
    /// The message shows the codes and the reason (truncated to 300 characters). <see cref="DetailXml"/> and
    /// <see cref="RawMessage"/> may contain patient data: they are never part of <see cref="Exception.Message"/> and the
    /// SDK logs them only when <see cref="Diagnostics.DmpSensitiveData.IsIncluded"/>.
    /// </remarks>
    public class SoapFaultException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="version">The SOAP version of the fault.</param>
        /// <param name="code">The fault code (1.2 <c>Code/Value</c>, 1.1 <c>faultcode</c>), e.g. <c>soap:Sender</c>.</param>
        /// <param name="subcodes">The 1.2 subcodes, outermost first (empty for 1.1).</param>
        /// <param name="reason">The reason text (1.2 first <c>Reason/Text</c>, 1.1 <c>faultstring</c>).</param>
        /// <param name="detailXml">The inner XML of the detail element, or null.</param>
        /// <param name="rawMessage">The whole envelope as received, or null.</param>
        /// <param name="action">The WS-Addressing action of the fault message, or null.</param>
        public SoapFaultException(SoapVersion version, XmlQualifiedName code, IReadOnlyList<XmlQualifiedName> subcodes, string reason, string? detailXml, string? rawMessage, string? action)
            : base(BuildMessage(code, subcodes, reason))
        {
            Version = version;
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Subcodes = subcodes ?? Array.Empty<XmlQualifiedName>();
            Reason = reason ?? string.Empty;
            DetailXml = detailXml;
            RawMessage = rawMessage;
            Action = action;
        }

        /// <summary>The SOAP version of the fault envelope.</summary>
        public SoapVersion Version { get; }

        /// <summary>The fault code: <c>Sender</c>/<c>Receiver</c>/… in SOAP 1.2, <c>Client</c>/<c>Server</c>/… in SOAP 1.1, with its namespace.</summary>
        public XmlQualifiedName Code { get; }

        /// <summary>The SOAP 1.2 subcodes, outermost first, e.g. <c>DMPInvalidCertificate</c>. Empty for SOAP 1.1.</summary>
        public IReadOnlyList<XmlQualifiedName> Subcodes { get; }

        /// <summary>The human-readable reason given by the service.</summary>
        public string Reason { get; }

        /// <summary>The inner XML of the <c>Detail</c>/<c>detail</c> element, or null. May contain patient data.</summary>
        public string? DetailXml { get; }

        /// <summary>The fault envelope as received (the root part when it came inside MTOM), or null. May contain patient data.</summary>
        public string? RawMessage { get; }

        /// <summary>The WS-Addressing action of the fault message, or null.</summary>
        public string? Action { get; }

        /// <summary>True when the code or a subcode has this local name (case-insensitive), e.g. <c>DMPInvalidCertificate</c>.</summary>
        /// <param name="localName">The local name to look for.</param>
        /// <returns>Whether the fault carries that code.</returns>
        public bool HasCode(string localName) =>
            string.Equals(Code.Name, localName, StringComparison.OrdinalIgnoreCase)
            || Subcodes.Any(s => string.Equals(s.Name, localName, StringComparison.OrdinalIgnoreCase));

        private static string BuildMessage(XmlQualifiedName code, IReadOnlyList<XmlQualifiedName> subcodes, string reason)
        {
            string codes = string.Join(" / ", new[] { code?.Name ?? "?" }.Concat((subcodes ?? Array.Empty<XmlQualifiedName>()).Select(s => s.Name)));
            string shown = reason ?? string.Empty;
            if (shown.Length > 300)
            {
                shown = shown.Substring(0, 300) + "…";
            }

            return string.Format(CultureInfo.InvariantCulture, "The service answered with a SOAP fault {0}: {1}", codes, shown.Length == 0 ? "(no reason given)" : shown);
        }
    }
}
