using System;
using System.Globalization;
using System.Text;

namespace DmpConnector.Diagnostics
{
    /// <summary>
    /// Decides whether patient data (INS, names, birth dates, document contents) may appear in exception messages and
    /// logs. Off by default.
    /// </summary>
    /// <remarks>
    /// To opt in, for a support session on a test platform only, set the AppContext switch once at start-up:
    /// <code>AppContext.SetSwitch(DmpSensitiveData.SwitchName, true);</code>
    /// or add <c>&lt;RuntimeHostConfigurationOption Include="DmpConnector.IncludeSensitiveData" Value="true" /&gt;</c>
    /// to the application's project. The switch is read on every use, so it can be turned off again.
    /// </remarks>
    public static class DmpSensitiveData
    {
        /// <summary>The name of the AppContext switch that lets patient data into messages and logs.</summary>
        public const string SwitchName = "DmpConnector.IncludeSensitiveData";

        /// <summary>True when the application opted in to patient data in messages and logs.</summary>
        public static bool IsIncluded => AppContext.TryGetSwitch(SwitchName, out bool enabled) && enabled;

        /// <summary>
        /// Describes a value for a message: the value itself (quoted, truncated to 80 characters) when it is not
        /// sensitive or when the application opted in, otherwise only its length.
        /// </summary>
        /// <param name="value">The value to describe.</param>
        /// <param name="isSensitive">True when the value is patient data.</param>
        /// <returns>A short, printable description.</returns>
        public static string Describe(string value, bool isSensitive)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (isSensitive && !IsIncluded)
            {
                return string.Format(CultureInfo.InvariantCulture, "value redacted: {0} characters; set the AppContext switch {1} to include it", value.Length, SwitchName);
            }

            return "value: " + Quote(value);
        }

        private static string Quote(string value)
        {
            const int MaxShown = 80;
            var sb = new StringBuilder(Math.Min(value.Length, MaxShown) + 16);
            sb.Append('"');
            int shown = Math.Min(value.Length, MaxShown);
            for (int i = 0; i < shown; i++)
            {
                char c = value[i];
                if (c < ' ' || c == '\u007f')
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            sb.Append('"');
            if (value.Length > MaxShown)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "… ({0} characters in all)", value.Length));
            }

            return sb.ToString();
        }
    }
}
