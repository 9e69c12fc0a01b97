namespace DmpConnector.Security
{
    /// <summary>Input rule ids of the XAdES submission-set signer.</summary>
    public static class XadesRules
    {
        /// <summary>A manifest entry or the signature document lacks a uniqueId.</summary>
        public const string UniqueId = "XADES-UNIQUE-ID";

        /// <summary>No document to sign, or the same uniqueId twice.</summary>
        public const string Documents = "XADES-DOCUMENTS";

        /// <summary>An XML document marked for canonicalization is not well-formed XML.</summary>
        public const string Xml = "XADES-XML";

        /// <summary>A canonicalization algorithm outside the supported set.</summary>
        public const string Canonicalization = "XADES-C14N";
    }
}
