namespace DmpConnector.Security
{
    /// <summary>
    /// How the XAdES submission-set signature (IHE DSG) is made. The official TD2.1 example uses c14n with comments and
    /// SHA-1; the SDK keeps that canonicalization and defaults to SHA-256. Immutable.
    /// </summary>
    public sealed class XadesOptions
    {
        /// <summary>The defaults: inclusive c14n with comments, RSA-SHA256/SHA-256, XAdES 1.1.1.</summary>
        public static XadesOptions Default { get; } = new();

        /// <summary>The XAdES v1.1.1 namespace of the official example.</summary>
        public const string Xades111Namespace = "http://uri.etsi.org/01903/v1.1.1#";

        /// <summary>The hash of the signature, the manifest and property digests and the certificate digest.</summary>
        public XmlSignatureHash Hash { get; init; } = XmlSignatureHash.Sha256;

        /// <summary>
        /// The SignedInfo canonicalization, and the transform of XML documents in the manifest:
        /// <see cref="XmlSignatureAlgorithms.C14NWithComments"/> (official) by default; <see cref="XmlSignatureAlgorithms.C14N"/> or
        /// <see cref="XmlSignatureAlgorithms.ExclusiveC14N"/> also accepted.
        /// </summary>
        public string Canonicalization { get; init; } = XmlSignatureAlgorithms.C14NWithComments;

        /// <summary>The XAdES namespace of QualifyingProperties (v1.1.1 as in the official example).</summary>
        public string XadesNamespace { get; init; } = Xades111Namespace;

        /// <summary>The purpose of the signature (<c>SignatureProperty Id="purposeOfSignature"</c>): <c>1.2.840.10065.1.12.1.14</c> (Source).</summary>
        public string PurposeOfSignature { get; init; } = "1.2.840.10065.1.12.1.14";

        /// <summary>The id of the <c>ds:Manifest</c> (<c>IHEManifest</c>, as the official example).</summary>
        public string ManifestId { get; init; } = "IHEManifest";

        /// <summary>The id of <c>SignedProperties</c> (<c>S0-SignedProperties</c>, as the official example).</summary>
        public string SignedPropertiesId { get; init; } = "S0-SignedProperties";
    }
}
