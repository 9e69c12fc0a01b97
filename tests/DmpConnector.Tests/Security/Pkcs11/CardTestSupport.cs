using System.Threading;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>Opens the SoftHSM2 test tokens with a PIN callback that counts its calls.</summary>
    internal sealed class PinCounter
    {
        private int _calls;

        public PinCounter(string? pin = SoftHsmToken.Pin) => Pin = pin;

        public string? Pin { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public Pkcs11PinRequest? LastRequest { get; private set; }

        public string? Provide(Pkcs11PinRequest request)
        {
            Interlocked.Increment(ref _calls);
            LastRequest = request;
            return Pin;
        }
    }

    internal static class CardTestSupport
    {
        public static Pkcs11Token Open(string label, PinCounter pins, ILogger? logger = null) => Pkcs11Token.Open(Options(label, pins, logger));

        public static Pkcs11TokenOptions Options(string label, PinCounter pins, ILogger? logger = null) =>
            new(SoftHsmToken.Shared.ModulePath) { TokenLabel = label, PinCallback = pins.Provide, Logger = logger };
    }
}
