using System;
using System.Text;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Security
{
    /// <summary>
    /// A built VIHF assertion, kept as the exact text that was signed (never re-serialised: the digest covers every
    /// byte; pitfall 9). Immutable and thread-safe; put it into a SOAP header with <see cref="ImportInto"/>.
    /// </summary>
    public sealed class VihfAssertion
    {
        internal VihfAssertion(string xml, string id, DateTimeOffset issueInstant, bool isSigned, string? signerThumbprint)
        {
            Xml = xml;
            Id = id;
            IssueInstant = issueInstant;
            IsSigned = isSigned;
            SignerThumbprint = signerThumbprint;
        }

        /// <summary>The assertion's XML, without an XML declaration.</summary>
        public string Xml { get; }

        /// <summary>The assertion's <c>ID</c>.</summary>
        public string Id { get; }

        /// <summary>Its <c>IssueInstant</c>.</summary>
        public DateTimeOffset IssueInstant { get; }

        /// <summary>True when it carries a signature.</summary>
        public bool IsSigned { get; }

        /// <summary>The thumbprint of the signing certificate, or null when unsigned.</summary>
        public string? SignerThumbprint { get; }

        /// <summary>The UTF-8 bytes of <see cref="Xml"/> (no BOM).</summary>
        /// <returns>The bytes.</returns>
        public byte[] ToUtf8Bytes() => new UTF8Encoding(false).GetBytes(Xml);

        /// <summary>A fresh DOM of the assertion (whitespace preserved, safe reader).</summary>
        /// <returns>The document.</returns>
        public XmlDocument ToXmlDocument() => SafeXml.LoadDocument(Xml);

        /// <summary>
        /// The assertion as an element of <paramref name="owner"/> (e.g. a SOAP envelope), ready to append to
        /// <c>wsse:Security</c>. The node is imported as is; do not pretty-print the envelope afterwards.
        /// </summary>
        /// <param name="owner">The document that will hold the assertion.</param>
        /// <returns>The imported element (not yet attached).</returns>
        public XmlElement ImportInto(XmlDocument owner)
        {
            if (owner is null)
            {
                throw new ArgumentNullException(nameof(owner));
            }

            return (XmlElement)owner.ImportNode(ToXmlDocument().DocumentElement!, deep: true);
        }

        /// <inheritdoc />
        public override string ToString() => Xml;
    }
}
