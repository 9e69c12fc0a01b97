using Net.Pkcs11Interop.Common;

namespace DmpConnector.Security
{
    /// <summary>Turns PKCS#11 return codes into the SDK's card exceptions, each with advice for the user.</summary>
    internal static class Pkcs11Errors
    {
        /// <summary>Codes meaning the card is gone or the session died with it.</summary>
        public static bool IsRemoval(CKR rv) => rv is CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_SESSION_HANDLE_INVALID
            or CKR.CKR_SESSION_CLOSED or CKR.CKR_DEVICE_ERROR or CKR.CKR_SLOT_ID_INVALID or CKR.CKR_TOKEN_NOT_RECOGNIZED;

        /// <summary>Codes meaning "log in again and find the key again".</summary>
        public static bool IsLoggedOutOrStaleHandle(CKR rv) => rv is CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID;

        public static CardException Map(CKR rv, string token, System.Exception? inner)
        {
            string name = rv.ToString();
            return rv switch
            {
                CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE => new CardPinIncorrectException(token, name, inner),
                CKR.CKR_PIN_LOCKED => new CardPinLockedException(token, name, inner),
                CKR.CKR_MECHANISM_INVALID or CKR.CKR_MECHANISM_PARAM_INVALID or CKR.CKR_KEY_FUNCTION_NOT_PERMITTED or CKR.CKR_KEY_TYPE_INCONSISTENT
                    => new CardMechanismNotSupportedException(token, nameof(CKM.CKM_RSA_PKCS), name, inner),
                _ when IsRemoval(rv) => new CardRemovedException(token, name, inner),
                _ => new CardException($"The card '{token}' failed.", "Retry; if it persists, check the card with 'dmp token list' and the card middleware's own tool.", name, inner),
            };
        }
    }
}
