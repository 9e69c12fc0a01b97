namespace DmpConnector.Identity
{
    /// <summary>
    /// The status of a patient identity in the RNIV (national identity-vigilance referential). Only a
    /// <see cref="Qualified"/> identity may carry its INS in an exchange.
    /// </summary>
    public enum IdentityStatus
    {
        /// <summary><c>PROV</c>, provisional: entered without checking an identity document, INS not retrieved.</summary>
        Provisional = 0,

        /// <summary><c>VALI</c>, validated: checked against an identity document, INS not retrieved.</summary>
        Validated = 1,

        /// <summary><c>RECUP</c>, recovered: INS retrieved from INSi, identity not checked against a document.</summary>
        Recovered = 2,

        /// <summary><c>QUAL</c>, qualified: INS retrieved from INSi and identity checked against a document.</summary>
        Qualified = 3,
    }
}
