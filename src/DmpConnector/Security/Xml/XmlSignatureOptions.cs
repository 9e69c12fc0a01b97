namespace DmpConnector.Security
{
    /// <summary>How the SDK signs an enveloped XML signature (the VIHF assertion). Immutable.</summary>
    public sealed class XmlSignatureOptions
    {
        /// <summary>RSA-SHA256, exclusive c14n with the ANS prefix list.</summary>
        public static XmlSignatureOptions Default { get; } = new();

        /// <summary>
        /// The hash of the signature and digest. SHA-256 by default; SHA-1 (as the official 2019–2020 examples) only when
        /// set explicitly here.
        /// </summary>
        public XmlSignatureHash Hash { get; init; } = XmlSignatureHash.Sha256;

        /// <summary>
        /// The <c>InclusiveNamespaces PrefixList</c> of the exclusive canonicalization, in SignedInfo and in the reference
        /// transform; <see cref="XmlSignatureAlgorithms.AnsInclusiveNamespacesPrefixList"/> by default, null or empty for
        /// none (the official examples have none). Both sides must use the same list.
        /// </summary>
        public string? InclusiveNamespacesPrefixList { get; init; } = XmlSignatureAlgorithms.AnsInclusiveNamespacesPrefixList;
    }
}
