using System;

namespace DmpConnector.Security
{
    /// <summary>
    /// What a key pair is for. A CPS card carries two key pairs: the <em>authentication</em> key (mutual TLS) and the
    /// <em>signature</em> key (VIHF assertion, XAdES submission-set signature). The DMP refuses a VIHF signed with the
    /// authentication key (<c>DMPInvalidCertificate</c>), so every credential states which purposes it serves and every
    /// signer checks it before using the key.
    /// </summary>
    [Flags]
    public enum KeyPurposes
    {
        /// <summary>No purpose: the credential must not be used.</summary>
        None = 0,

        /// <summary>Client authentication (mutual TLS).</summary>
        Authentication = 1,

        /// <summary>Signing assertions and documents (VIHF, XAdES).</summary>
        Signature = 2,
    }
}
