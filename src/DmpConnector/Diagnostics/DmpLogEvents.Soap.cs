namespace DmpConnector.Diagnostics
{
    /// <summary>Event ids of the SOAP/MTOM/HTTP transport layer (1300–1399).</summary>
    public static partial class DmpLogEvents
    {
        /// <summary>A SOAP call is being sent (debug): action and endpoint.</summary>
        public const int SoapCallStarted = 1300;

        /// <summary>A SOAP call got its answer (debug): action, HTTP status, elapsed time, MTOM or not.</summary>
        public const int SoapCallCompleted = 1301;

        /// <summary>An idempotent SOAP call failed transiently and will be retried (warning): attempt, delay, reason.</summary>
        public const int SoapCallRetrying = 1302;

        /// <summary>The service answered with a SOAP fault (warning): action, code and subcodes (the raw fault only when patient data is opted in).</summary>
        public const int SoapFaultReceived = 1303;

        /// <summary>Message capture is on: every exchange is written to a folder (warning, logged once per transport).</summary>
        public const int SoapMessageCaptureEnabled = 1304;

        /// <summary>A SOAP call failed without a SOAP answer (error): action, HTTP status or failure kind.</summary>
        public const int SoapTransportFailed = 1305;
    }
}
