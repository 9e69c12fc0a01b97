namespace DmpConnector.Identity
{
    /// <summary>
    /// The kind of an INS (Identifiant National de Santé), which decides the OID of its assigning authority.
    /// </summary>
    public enum InsKind
    {
        /// <summary>INS-NIR, the NIR used as health identifier (OID <c>1.2.250.1.213.1.4.8</c>). Production.</summary>
        Nir = 0,

        /// <summary>INS-NIA, a temporary number given while the NIR is being assigned (OID <c>1.2.250.1.213.1.4.9</c>).</summary>
        Nia = 1,

        /// <summary>
        /// Test INS-NIR (OID <c>1.2.250.1.213.1.4.10</c>), used by every DMP test-platform example. The INSi test
        /// service returns the same numbers under the production OID; map them to this kind for the DMP test platform.
        /// </summary>
        NirTest = 2,

        /// <summary>Demonstration INS-NIR (OID <c>1.2.250.1.213.1.4.11</c>).</summary>
        NirDemo = 3,
    }
}
