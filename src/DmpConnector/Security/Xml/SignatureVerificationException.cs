namespace DmpConnector.Security
{
    /// <summary>
    /// A signature did not verify, or its shape is not one the SDK accepts (algorithm not pinned, a reference that is
    /// not the signed element's own id, duplicate ids, a comment in signed content, a certificate other than the
    /// expected one...). <see cref="Rule"/> says which check failed; see docs/errors.md.
    /// </summary>
    public sealed class SignatureVerificationException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="rule">The stable rule id, e.g. <c>SIG-REFERENCE</c>.</param>
        /// <param name="reason">What is wrong, in plain English (no patient data).</param>
        public SignatureVerificationException(string rule, string reason)
            : base($"Signature rejected by rule {rule}: {reason}.")
        {
            Rule = rule;
            Reason = reason;
        }

        /// <summary>The stable rule id.</summary>
        public string Rule { get; }

        /// <summary>What is wrong.</summary>
        public string Reason { get; }
    }

    /// <summary>The rule ids of <see cref="SignatureVerificationException"/> and of the signer's input errors.</summary>
    public static class SignatureRules
    {
        /// <summary>No signature where one is required.</summary>
        public const string Missing = "SIG-MISSING";

        /// <summary>More than one signature, or the signature is not where the format puts it.</summary>
        public const string Placement = "SIG-PLACEMENT";

        /// <summary>A canonicalization, signature, digest or transform algorithm outside the pinned set.</summary>
        public const string Algorithm = "SIG-ALGORITHM";

        /// <summary>Not exactly the expected references (one, to the signed element's own id, for an enveloped signature).</summary>
        public const string Reference = "SIG-REFERENCE";

        /// <summary>Two elements carry the same id, or the signed element has none.</summary>
        public const string DuplicateId = "SIG-DUPLICATE-ID";

        /// <summary>A comment or processing instruction inside signed content that the canonicalization drops.</summary>
        public const string Comment = "SIG-COMMENT";

        /// <summary>
        /// An <c>xsi:type</c> QName prefix bound to something other than the XML Schema namespace: exclusive c14n does not
        /// sign that binding, so it could have been changed.
        /// </summary>
        public const string TypePrefix = "SIG-XSI-TYPE";

        /// <summary>KeyInfo does not carry exactly one X.509 certificate.</summary>
        public const string KeyInfo = "SIG-KEYINFO";

        /// <summary>The signer's certificate is not the expected one.</summary>
        public const string Certificate = "SIG-CERTIFICATE";

        /// <summary>A digest or the signature value does not match: the signed content was changed.</summary>
        public const string Invalid = "SIG-INVALID";

        /// <summary>A manifest reference of a XAdES signature does not match the document received, or is missing.</summary>
        public const string Manifest = "SIG-MANIFEST";

        /// <summary>The XAdES qualifying properties are missing or do not match the signer.</summary>
        public const string Properties = "SIG-PROPERTIES";
    }
}
