namespace DmpConnector.Security
{
    /// <summary>
    /// A credential was asked to serve a purpose it is not declared for, e.g. signing a VIHF with a CPS card's
    /// authentication key. Using the wrong key gets the request refused by the DMP (<c>DMPInvalidCertificate</c>), so
    /// the SDK refuses first. Rule <c>SEC-KEY-PURPOSE</c>.
    /// </summary>
    public sealed class KeyPurposeException : DmpException
    {
        /// <summary>The rule id, <c>SEC-KEY-PURPOSE</c>.</summary>
        public const string Rule = "SEC-KEY-PURPOSE";

        /// <summary>Creates the exception.</summary>
        /// <param name="required">The purpose the operation needs.</param>
        /// <param name="declared">The purposes the credential serves.</param>
        /// <param name="credential">A description of the credential (certificate subject and thumbprint; never a PIN).</param>
        public KeyPurposeException(KeyPurposes required, KeyPurposes declared, string credential)
            : base($"Rule {Rule}: the operation needs a key for {required}, but credential '{credential}' serves {declared}. "
                + "Use the card's signature key for VIHF/XAdES and its authentication key for TLS.")
        {
            Required = required;
            Declared = declared;
        }

        /// <summary>The purpose the operation needs.</summary>
        public KeyPurposes Required { get; }

        /// <summary>The purposes the credential serves.</summary>
        public KeyPurposes Declared { get; }
    }
}
