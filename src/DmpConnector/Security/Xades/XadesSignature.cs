using System;
using System.Collections.Generic;
using System.Text;
using DmpConnector.Identity;

namespace DmpConnector.Security
{
    /// <summary>
    /// A XAdES submission-set signature document, as sent beside the CDA in TD2.1, with the metadata of its own
    /// DocumentEntry. Immutable. Send <see cref="ToUtf8Bytes"/> unchanged: the signature covers its bytes' canonical form.
    /// </summary>
    public sealed class XadesSignature
    {
        internal XadesSignature(string xml, string signatureId, DateTimeOffset signingTime, XadesSignatureMetadata metadata)
        {
            Xml = xml;
            SignatureId = signatureId;
            SigningTime = signingTime;
            Metadata = metadata;
        }

        /// <summary>The signature document (a <c>ds:Signature</c> root, no XML declaration).</summary>
        public string Xml { get; }

        /// <summary>The <c>Id</c> of the <c>ds:Signature</c>.</summary>
        public string SignatureId { get; }

        /// <summary>The XAdES SigningTime.</summary>
        public DateTimeOffset SigningTime { get; }

        /// <summary>The metadata of the signature's DocumentEntry and its <c>signs</c> association.</summary>
        public XadesSignatureMetadata Metadata { get; }

        /// <summary>The UTF-8 bytes (no BOM) to send as the signature document.</summary>
        /// <returns>The bytes.</returns>
        public byte[] ToUtf8Bytes() => new UTF8Encoding(false).GetBytes(Xml);

        /// <inheritdoc />
        public override string ToString() => Xml;
    }

    /// <summary>
    /// The DocumentEntry metadata of the submission-set signature document (spec §4.5, official TD2.1), described
    /// neutrally: the XDS layer writes it as an ExtrinsicObject plus a <c>signs</c> association from this entry to the
    /// SubmissionSet. Authors, patient, facility and practice setting are those of the submission.
    /// </summary>
    public sealed class XadesSignatureMetadata
    {
        /// <summary>The association type linking the signature entry to the SubmissionSet it signs.</summary>
        public const string SignsAssociationType = "urn:ihe:iti:2007:AssociationType:signs";

        internal XadesSignatureMetadata(string uniqueId, string signedSubmissionSetUniqueId, DateTimeOffset creationTime, IReadOnlyList<string> signedDocumentUniqueIds)
        {
            UniqueId = uniqueId;
            SignedSubmissionSetUniqueId = signedSubmissionSetUniqueId;
            CreationTime = creationTime;
            SignedDocumentUniqueIds = signedDocumentUniqueIds;
        }

        /// <summary>The signature document's own uniqueId.</summary>
        public string UniqueId { get; }

        /// <summary>The SubmissionSet uniqueId the <c>signs</c> association points to.</summary>
        public string SignedSubmissionSetUniqueId { get; }

        /// <summary>The uniqueIds of the documents in the manifest.</summary>
        public IReadOnlyList<string> SignedDocumentUniqueIds { get; }

        /// <summary>creationTime (UTC): the signing time.</summary>
        public DateTimeOffset CreationTime { get; }

        /// <summary>classCode: <c>urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1</c> (scheme <c>URN</c>), "Digital Signature".</summary>
        public CodedValue ClassCode { get; } = new("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature");

        /// <summary>typeCode: <c>E1762</c> (scheme <c>ASTM</c>), "Full Document".</summary>
        public CodedValue TypeCode { get; } = new("E1762", "ASTM", "Full Document");

        /// <summary>formatCode: <c>http://www.w3.org/2000/09/xmldsig#</c> (scheme <c>URN</c>), "Default Signature Style".</summary>
        public CodedValue FormatCode { get; } = new("http://www.w3.org/2000/09/xmldsig#", "URN", "Default Signature Style");

        /// <summary>eventCodeList: the purpose of signature, <c>1.2.840.10065.1.12.1.14</c> (system <c>1.2.840.10065.1.12</c>), "Source".</summary>
        public IReadOnlyList<CodedValue> EventCodes { get; } = new[] { new CodedValue("1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12", "Source") };

        /// <summary>confidentialityCode: <c>N</c>, <c>MASQUE_PS</c>, <c>INVISIBLE_PATIENT</c> (the signature is not shown to anyone).</summary>
        public IReadOnlyList<CodedValue> ConfidentialityCodes { get; } = new[]
        {
            new CodedValue("N", "2.16.840.1.113883.5.25", "Normal"),
            new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé"),
            new CodedValue("INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13", "Non visible par le patient"),
        };

        /// <summary>languageCode: <c>art</c>.</summary>
        public string LanguageCode { get; } = "art";

        /// <summary>title: <c>Source</c>.</summary>
        public string Title { get; } = "Source";

        /// <summary>mimeType: <c>text/xml</c>.</summary>
        public string MimeType { get; } = "text/xml";
    }
}
