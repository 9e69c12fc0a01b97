namespace DmpConnector.Diagnostics
{
    /// <summary>Event ids of the CDA layer (1200–1299).</summary>
    public static partial class DmpLogEvents
    {
        /// <summary>A CDA was written (debug): media type, embedded size, type code; never patient data.</summary>
        public const int CdaDocumentBuilt = 1200;

        /// <summary>A CDA was read (debug): type code, body kind, size; never patient data.</summary>
        public const int CdaDocumentRead = 1201;

        /// <summary>A read CDA breaks a CI-SIS rule the reader tolerates (warning): the rule, never the value.</summary>
        public const int CdaDocumentDeviation = 1202;
    }
}
