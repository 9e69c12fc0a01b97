namespace DmpConnector.Identity
{
    /// <summary>The Luhn (mod 10) check used by RPPS, FINESS, SIREN and SIRET numbers.</summary>
    public static class Luhn
    {
        /// <summary>True when the digits pass the Luhn check (the last digit being the key).</summary>
        /// <param name="digits">Digits only.</param>
        /// <returns>True when valid; false when invalid or not all digits.</returns>
        public static bool IsValid(string? digits)
        {
            if (string.IsNullOrEmpty(digits))
            {
                return false;
            }

            int sum = 0;
            bool doubled = false;
            for (int i = digits!.Length - 1; i >= 0; i--)
            {
                char c = digits[i];
                if (c is < '0' or > '9')
                {
                    return false;
                }

                int d = c - '0';
                if (doubled)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
                doubled = !doubled;
            }

            return sum % 10 == 0;
        }

        /// <summary>True when the string is made of ASCII digits only (and not empty).</summary>
        internal static bool IsDigits(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
