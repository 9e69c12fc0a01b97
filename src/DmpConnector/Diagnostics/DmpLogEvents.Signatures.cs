namespace DmpConnector.Diagnostics
{
    /// <summary>Event ids of the signatures part of the security layer (VIHF, XML signature, XAdES): 1400–1449.</summary>
    public static partial class DmpLogEvents
    {
        /// <summary>A VIHF assertion was built and signed (debug): assertion id, modes, signer thumbprint; never the INS.</summary>
        public const int VihfSigned = 1400;

        /// <summary>A cached VIHF assertion was reused instead of asking the key to sign again (debug).</summary>
        public const int VihfCacheHit = 1401;

        /// <summary>A XAdES submission-set signature was made (debug): signature id, number of documents, signer thumbprint.</summary>
        public const int XadesSigned = 1410;
    }
}
