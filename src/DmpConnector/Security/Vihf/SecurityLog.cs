using Microsoft.Extensions.Logging;

namespace DmpConnector.Security
{
    internal static partial class SecurityLog
    {
        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.VihfSigned, Level = LogLevel.Debug, Message = "VIHF {AssertionId} signed ({AuthenticationMode}, access {AccessMode}) with certificate {Thumbprint}")]
        public static partial void VihfSigned(ILogger logger, string assertionId, string authenticationMode, string accessMode, string thumbprint);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.VihfCacheHit, Level = LogLevel.Debug, Message = "VIHF {AssertionId} reused from the cache (expires {ExpiresAt:o})")]
        public static partial void VihfCacheHit(ILogger logger, string assertionId, System.DateTimeOffset expiresAt);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.XadesSigned, Level = LogLevel.Debug, Message = "XAdES submission-set signature {SignatureId} made over {DocumentCount} document(s) with certificate {Thumbprint}")]
        public static partial void XadesSigned(ILogger logger, string signatureId, int documentCount, string thumbprint);
    }
}
