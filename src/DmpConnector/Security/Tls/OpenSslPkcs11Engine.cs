using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace DmpConnector.Security
{
    /// <summary>
    /// Registers OpenSSL's pkcs11 engine (libp11, Debian <c>libengine-pkcs11-openssl</c>) in this process's OpenSSL,
    /// bound to one PKCS#11 module, so that .NET's <c>SafeEvpPKeyHandle.OpenPrivateKeyFromEngine("pkcs11", uri)</c>
    /// reaches the card without an <c>OPENSSL_CONF</c> file or any environment variable.
    /// </summary>
    /// <remarks>
    /// The engine list is OpenSSL's own process-wide state: there is one engine called "pkcs11" per process, so it is
    /// bound to one module (the card's middleware) for the life of the process, like the module itself
    /// (<see cref="Pkcs11ModuleRegistry"/>). Asking for another module afterwards is refused with advice.
    /// </remarks>
    internal static class OpenSslPkcs11Engine
    {
        public const string EngineId = "pkcs11";

        private static readonly object Gate = new();
        private static string? _boundModule;

        private static readonly string[] EngineCandidates =
        {
            "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so",
            "/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so",
            "/usr/lib64/engines-3/pkcs11.so",
            "/usr/lib/engines-3/pkcs11.so",
            "/usr/local/lib/engines-3/pkcs11.so",
            "/usr/lib/x86_64-linux-gnu/engines-3/libpkcs11.so",
        };

        /// <summary>The engine library found at a usual place, or null.</summary>
        public static string? FindEngine()
        {
            foreach (string candidate in EngineCandidates)
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Registers the engine for <paramref name="modulePath"/> once per process; later calls with the same module do nothing.</summary>
        public static void Bind(string modulePath, string? enginePath)
        {
            if (enginePath is not null && !File.Exists(enginePath))
            {
                throw new CardException($"OpenSSL's pkcs11 engine '{enginePath}' does not exist.", "Install libengine-pkcs11-openssl, or correct the engine path.");
            }

            lock (Gate)
            {
                if (_boundModule is not null)
                {
                    if (string.Equals(_boundModule, modulePath, StringComparison.Ordinal))
                    {
                        return;
                    }

                    throw new CardException(
                        $"OpenSSL's pkcs11 engine is already bound to the module '{_boundModule}' in this process; it cannot also serve '{modulePath}'.",
                        "Use one card middleware per process for mutual TLS (an OpenSSL engine is process-wide).");
                }

                string engine = enginePath ?? FindEngine()
                    ?? throw new CardException(
                        "OpenSSL's pkcs11 engine was not found (looked for engines-3/pkcs11.so in the usual library folders).",
                        "Install it (Debian/Ubuntu: apt-get install libengine-pkcs11-openssl; Fedora: openssl-pkcs11) or pass its path.");
                if (!File.Exists(engine))
                {
                    throw new CardException($"OpenSSL's pkcs11 engine '{engine}' does not exist.", "Install libengine-pkcs11-openssl, or correct the engine path.");
                }

                IntPtr e = NativeMethods.ENGINE_by_id("dynamic");
                if (e == IntPtr.Zero)
                {
                    throw Failure("OpenSSL has no 'dynamic' engine loader", engine);
                }

                try
                {
                    NativeMethods.ERR_clear_error();
                    // LIST_ADD 2: the engine must join OpenSSL's engine list, so that ENGINE_by_id("pkcs11") later returns
                    // this very instance (with its MODULE_PATH) instead of loading a fresh, unconfigured copy.
                    if (NativeMethods.ENGINE_ctrl_cmd_string(e, "SO_PATH", engine, 0) != 1
                        || NativeMethods.ENGINE_ctrl_cmd_string(e, "ID", EngineId, 0) != 1
                        || NativeMethods.ENGINE_ctrl_cmd_string(e, "LIST_ADD", "2", 0) != 1
                        || NativeMethods.ENGINE_ctrl_cmd_string(e, "LOAD", null, 0) != 1)
                    {
                        throw Failure("OpenSSL could not load the pkcs11 engine (another component may have registered one already)", engine);
                    }

                    if (NativeMethods.ENGINE_ctrl_cmd_string(e, "MODULE_PATH", modulePath, 0) != 1)
                    {
                        throw Failure("the pkcs11 engine refused the module path", engine);
                    }
                }
                finally
                {
                    _ = NativeMethods.ENGINE_free(e);
                }

                _boundModule = modulePath;
            }
        }

        private static CardException Failure(string what, string engine)
        {
            ulong code = NativeMethods.ERR_get_error();
            string text = string.Empty;
            if (code != 0)
            {
                byte[] buffer = new byte[256];
                NativeMethods.ERR_error_string_n(code, buffer, (UIntPtr)buffer.Length);
                int end = Array.IndexOf(buffer, (byte)0);
                text = Encoding.ASCII.GetString(buffer, 0, end < 0 ? buffer.Length : end);
            }

            NativeMethods.ERR_clear_error();
            return new CardException(
                $"Mutual TLS with the card: {what} ('{engine}'){(text.Length == 0 ? string.Empty : ": " + text)}.",
                "Check that libengine-pkcs11-openssl matches the OpenSSL 3 that .NET uses, and that no OPENSSL_CONF registers a conflicting pkcs11 engine.");
        }

        private static class NativeMethods
        {
            private const string LibCrypto = "libcrypto.so.3";

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern IntPtr ENGINE_by_id(string id);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern int ENGINE_ctrl_cmd_string(IntPtr engine, string command, string? argument, int optional);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern int ENGINE_free(IntPtr engine);

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern ulong ERR_get_error();

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern void ERR_clear_error();

            [DllImport(LibCrypto, CallingConvention = CallingConvention.Cdecl)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern void ERR_error_string_n(ulong code, [Out] byte[] buffer, UIntPtr length);
        }
    }
}
