using Microsoft.Extensions.Logging;

namespace DmpConnector.Security
{
    /// <summary>
    /// Supplies the PIN of a token at the moment it is needed. Return the PIN the user typed, or null when the user
    /// cancelled. The SDK passes it to the token and does not keep it.
    /// </summary>
    /// <param name="request">Which token asks, and why.</param>
    /// <returns>The PIN, or null to cancel (<see cref="CardLoginCancelledException"/>).</returns>
    public delegate string? Pkcs11PinCallback(Pkcs11PinRequest request);

    /// <summary>How to find a token and log in to it. Immutable.</summary>
    public sealed class Pkcs11TokenOptions
    {
        /// <summary>Creates options for a module.</summary>
        /// <param name="modulePath">The PKCS#11 library: the Cryptolib CPS on a practitioner's machine
        /// (e.g. <c>/usr/lib/libcps3_pkcs11_lux.so</c>, <c>C:\Windows\System32\cps3_pkcs11_w64.dll</c>), any PKCS#11
        /// module in general, <c>/usr/lib/softhsm/libsofthsm2.so</c> in tests.</param>
        public Pkcs11TokenOptions(string modulePath)
        {
            ModulePath = modulePath;
        }

        /// <summary>The PKCS#11 library path.</summary>
        public string ModulePath { get; }

        /// <summary>The token's label (slot ids change between runs: tokens are found by label or serial). Null: any.</summary>
        public string? TokenLabel { get; init; }

        /// <summary>The token's serial number. Null: any. With a label too, both must match.</summary>
        public string? TokenSerial { get; init; }

        /// <summary>Asked for the PIN when a login is needed (first private-key use, or after the token logged out).</summary>
        public Pkcs11PinCallback? PinCallback { get; init; }

        /// <summary>Where to log (event ids 1450–1499); null for none. PINs are never logged.</summary>
        public ILogger? Logger { get; init; }
    }

    /// <summary>Passed to <see cref="Pkcs11PinCallback"/>: the token that asks and why. Immutable.</summary>
    public sealed class Pkcs11PinRequest
    {
        /// <summary>Creates the request.</summary>
        /// <param name="tokenLabel">The token's label.</param>
        /// <param name="tokenSerial">The token's serial number.</param>
        /// <param name="isRelogin">True when the token had been logged out (by another application, or the card was reinserted).</param>
        /// <param name="pinCountLow">True when the token reports that wrong PINs were entered recently.</param>
        /// <param name="pinFinalTry">True when one more wrong PIN locks the card.</param>
        public Pkcs11PinRequest(string tokenLabel, string tokenSerial, bool isRelogin, bool pinCountLow, bool pinFinalTry)
        {
            TokenLabel = tokenLabel;
            TokenSerial = tokenSerial;
            IsRelogin = isRelogin;
            PinCountLow = pinCountLow;
            PinFinalTry = pinFinalTry;
        }

        /// <summary>The token's label.</summary>
        public string TokenLabel { get; }

        /// <summary>The token's serial number.</summary>
        public string TokenSerial { get; }

        /// <summary>True when the token had been logged out since the last login.</summary>
        public bool IsRelogin { get; }

        /// <summary>True when the token reports recent wrong PINs: warn the user.</summary>
        public bool PinCountLow { get; }

        /// <summary>True when one more wrong PIN locks the card: warn the user clearly.</summary>
        public bool PinFinalTry { get; }
    }
}
