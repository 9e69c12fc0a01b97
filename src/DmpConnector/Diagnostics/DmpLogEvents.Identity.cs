namespace DmpConnector.Diagnostics
{
    /// <summary>
    /// The event ids DmpConnector logs with. They are public API: they do not change between versions, so log
    /// filters and alerts can rely on them. Ranges: 1000–1099 identity, 1100–1199 XDS, 1200–1299 CDA,
    /// 1300–1399 transport, 1400–1499 security, 1500–1599 client. Each layer declares its ids in its own partial file.
    /// </summary>
    public static partial class DmpLogEvents
    {
        /// <summary>A test-platform policy letting unqualified identities carry their INS was created (warning).</summary>
        public const int UnqualifiedIdentityPolicyCreated = 1000;

        /// <summary>The INS of an unqualified identity is being sent under the test-platform policy (warning).</summary>
        public const int UnqualifiedIdentityAllowed = 1001;
    }
}
