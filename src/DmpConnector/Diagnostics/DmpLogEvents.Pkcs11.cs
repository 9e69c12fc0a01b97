namespace DmpConnector.Diagnostics
{
    /// <summary>Event ids of the PKCS#11 card and mutual-TLS part of the security layer (1450–1499).</summary>
    public static partial class DmpLogEvents
    {
        /// <summary>A PKCS#11 module was loaded and initialised (once per module per process; information).</summary>
        public const int Pkcs11ModuleLoaded = 1450;

        /// <summary>A token was found by label or serial and opened (debug).</summary>
        public const int Pkcs11TokenOpened = 1451;

        /// <summary>The user logged in to a token with a PIN from the application's callback (information; the PIN is never logged).</summary>
        public const int Pkcs11LoggedIn = 1452;

        /// <summary>A private key was not visible (the token was logged out by someone); logging in again once (warning).</summary>
        public const int Pkcs11KeyMissingRelogin = 1453;

        /// <summary>The token refused the PIN; it will not be retried automatically (warning).</summary>
        public const int Pkcs11PinIncorrect = 1454;

        /// <summary>The token was removed or stopped answering; the next operation looks for it again (warning).</summary>
        public const int Pkcs11TokenRemoved = 1455;

        /// <summary>The card's authentication key was loaded through the OpenSSL pkcs11 engine for mutual TLS (information).</summary>
        public const int CardTlsKeyLoaded = 1456;
    }
}
