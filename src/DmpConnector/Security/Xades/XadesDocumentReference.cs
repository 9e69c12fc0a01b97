using System;
using System.IO;
using System.Text;

namespace DmpConnector.Security
{
    /// <summary>
    /// One entry of the XAdES manifest: a <c>urn:oid:</c> unique id and the content its digest is computed from. The
    /// content is read once, streaming, when signing or verifying (an XML document given with
    /// <see cref="CanonicalizeXml"/> is loaded into a DOM to canonicalize it, as the official CDA reference requires).
    /// </summary>
    public sealed class XadesDocumentReference
    {
        private readonly Func<Stream> _open;

        /// <summary>Creates a reference.</summary>
        /// <param name="uniqueId">The XDS uniqueId (an OID): the reference URI is <c>urn:oid:</c> + it.</param>
        /// <param name="openContent">Opens the content (the caller's stream is disposed after reading).</param>
        /// <param name="canonicalizeXml">
        /// True for an XML document (the CDA): the digest covers its canonical form, with the canonicalization as a
        /// transform, as the official example; false: the digest covers the bytes as they are.
        /// </param>
        public XadesDocumentReference(string uniqueId, Func<Stream> openContent, bool canonicalizeXml)
        {
            if (string.IsNullOrWhiteSpace(uniqueId))
            {
                throw new DmpInputException(nameof(uniqueId), XadesRules.UniqueId, "each manifest entry needs the document's uniqueId", uniqueId, valueIsSensitive: false);
            }

            UniqueId = uniqueId.StartsWith(UriPrefix, StringComparison.Ordinal) ? uniqueId.Substring(UriPrefix.Length) : uniqueId;
            _open = openContent ?? throw new ArgumentNullException(nameof(openContent));
            CanonicalizeXml = canonicalizeXml;
        }

        /// <summary>The <c>urn:oid:</c> prefix of the reference URIs.</summary>
        public const string UriPrefix = "urn:oid:";

        /// <summary>The uniqueId (without <c>urn:oid:</c>).</summary>
        public string UniqueId { get; }

        /// <summary>The reference URI, <c>urn:oid:</c> + <see cref="UniqueId"/>.</summary>
        public string Uri => UriPrefix + UniqueId;

        /// <summary>Whether the digest covers the canonical XML form.</summary>
        public bool CanonicalizeXml { get; }

        /// <summary>
        /// The SubmissionSet entry. What its digest covers is not stated in the public material (the official example
        /// carries a placeholder, <c>AA==</c>): by default the UTF-8 bytes of the uniqueId; pass
        /// <paramref name="content"/> (e.g. the serialized SubmissionSet metadata) if your counterpart expects otherwise.
        /// </summary>
        /// <param name="uniqueId">The SubmissionSet uniqueId.</param>
        /// <param name="content">Opens the bytes to digest, or null for the default.</param>
        /// <returns>The reference.</returns>
        public static XadesDocumentReference ForSubmissionSet(string uniqueId, Func<Stream>? content = null)
        {
            string id = uniqueId ?? string.Empty;
            return new XadesDocumentReference(id, content ?? (() => new MemoryStream(Encoding.UTF8.GetBytes(id.StartsWith(UriPrefix, StringComparison.Ordinal) ? id.Substring(UriPrefix.Length) : id), writable: false)), canonicalizeXml: false);
        }

        /// <summary>A document whose content is a file.</summary>
        /// <param name="uniqueId">The uniqueId.</param>
        /// <param name="path">The file.</param>
        /// <param name="canonicalizeXml">True for an XML document (CDA).</param>
        /// <returns>The reference.</returns>
        public static XadesDocumentReference FromFile(string uniqueId, string path, bool canonicalizeXml) =>
            new(uniqueId, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan), canonicalizeXml);

        internal Stream Open() => _open() ?? throw new InvalidOperationException("The content stream of " + Uri + " is null.");
    }
}
