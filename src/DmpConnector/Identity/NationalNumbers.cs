using System;

namespace DmpConnector.Identity
{
    /// <summary>Shape and key checks of the French national numbers that make up IdNat identifiers.</summary>
    internal static class NationalNumbers
    {
        /// <summary>La Poste's SIREN: its establishments (not its head office) use another SIRET key, the digit sum being a multiple of 5.</summary>
        private const string LaPosteSiren = "356000000";

        /// <summary>La Poste's head office, whose SIRET follows the ordinary Luhn rule.</summary>
        private const string LaPosteHeadOfficeSiret = "35600000000048";

        internal static bool IsRppsShape(string value) => value.Length == 11 && Luhn.IsDigits(value);

        internal static bool IsAdeliShape(string value) => value.Length == 9 && IsUpperAlphanumeric(value);

        internal static bool IsFinessShape(string value) => value.Length == 9 && IsUpperAlphanumeric(value);

        internal static bool IsSirenShape(string value) => value.Length == 9 && Luhn.IsDigits(value);

        internal static bool IsSiretShape(string value) => value.Length == 14 && Luhn.IsDigits(value);

        internal static CheckKeyStatus? RppsKey(string rpps) => Luhn.IsValid(rpps) ? CheckKeyStatus.Valid : null;

        internal static CheckKeyStatus? SirenKey(string siren) => Luhn.IsValid(siren) ? CheckKeyStatus.Valid : null;

        /// <summary>FINESS: Luhn over the 9 digits; values with letters (2A/2B, test platform) cannot be verified.</summary>
        internal static CheckKeyStatus? FinessKey(string finess) =>
            !Luhn.IsDigits(finess) ? CheckKeyStatus.NotVerifiable : Luhn.IsValid(finess) ? CheckKeyStatus.Valid : null;

        internal static CheckKeyStatus? SiretKey(string siret)
        {
            if (siret.StartsWith(LaPosteSiren, StringComparison.Ordinal) && siret != LaPosteHeadOfficeSiret)
            {
                int sum = 0;
                foreach (char c in siret)
                {
                    sum += c - '0';
                }

                return sum % 5 == 0 ? CheckKeyStatus.Valid : null;
            }

            return Luhn.IsValid(siret) ? CheckKeyStatus.Valid : null;
        }

        /// <summary>Printable ASCII, without spaces or the HL7 delimiters that would break an XCN/XON.</summary>
        internal static bool IsSafeIdentifierText(string value)
        {
            foreach (char c in value)
            {
                if (c <= ' ' || c >= '\u007f' || c is '|' or '^' or '~' or '\\' or '&')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsUpperAlphanumeric(string value)
        {
            foreach (char c in value)
            {
                if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
