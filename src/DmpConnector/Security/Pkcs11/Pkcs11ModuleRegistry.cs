using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace DmpConnector.Security
{
    /// <summary>
    /// One loaded and initialised library per PKCS#11 module per process, never finalised: <c>C_Finalize</c> is
    /// process-wide and would break every other user of the module (another token object, OpenSSL's pkcs11 engine
    /// doing a TLS handshake). This cache is the only process-wide state of the card support, and it is what PKCS#11
    /// requires.
    /// </summary>
    internal static partial class Pkcs11ModuleRegistry
    {
        private static readonly object Gate = new();
        private static readonly Dictionary<string, IPkcs11Library> Libraries = new(StringComparer.Ordinal);
        private static bool _resolverInstalled;

        public static Pkcs11InteropFactories Factories { get; } = new();

        public static IPkcs11Library Get(string modulePath, ILogger logger)
        {
            if (string.IsNullOrWhiteSpace(modulePath))
            {
                throw new DmpInputException("modulePath", "SEC-PKCS11-MODULE", "the path of the PKCS#11 module (the card's library) is required", modulePath, valueIsSensitive: false);
            }

            bool rooted = Path.IsPathRooted(modulePath);
            if (rooted && !File.Exists(modulePath))
            {
                throw new DmpInputException("modulePath", "SEC-PKCS11-MODULE", "the PKCS#11 module file does not exist (install the card's middleware, or check the path)", modulePath, valueIsSensitive: false);
            }

            string key = rooted ? Path.GetFullPath(modulePath) : modulePath;
            lock (Gate)
            {
                if (Libraries.TryGetValue(key, out IPkcs11Library? library))
                {
                    return library;
                }

                InstallLibdlResolver();
                // Pkcs11Interop tolerates CKR_CRYPTOKI_ALREADY_INITIALIZED: a module OpenSSL's pkcs11 engine initialised
                // first in this process is shared, not an error.
                try
                {
                    library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, key, AppType.MultiThreaded);
                }
                catch (Exception ex) when (ex is UnmanagedException or DllNotFoundException or BadImageFormatException or Pkcs11Exception)
                {
                    throw new CardException($"The PKCS#11 module '{key}' could not be loaded: {ex.Message}", "Check that the module matches the process (64-bit), that its dependencies are installed, and that the card middleware works (e.g. with pkcs11-tool --module <path> -L).", (ex as Pkcs11Exception)?.RV.ToString(), ex);
                }

                Libraries.Add(key, library);
                LogModuleLoaded(logger, key);
                return library;
            }
        }

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11ModuleLoaded, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11ModuleLoaded), Level = LogLevel.Information,
            Message = "PKCS#11 module {ModulePath} loaded; it stays loaded for the life of the process")]
        private static partial void LogModuleLoaded(ILogger logger, string modulePath);

        /// <summary>
        /// Pkcs11Interop 5.3.0 calls <c>dlopen</c> from a library named "libdl", which glibc 2.34+ (Debian 12,
        /// Ubuntu 22.04) only ships as <c>libdl.so.2</c> (Pkcs11Interop#239). Map that name for its assembly only.
        /// </summary>
        private static void InstallLibdlResolver()
        {
            if (_resolverInstalled || RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return;
            }

            _resolverInstalled = true;
            Assembly pkcs11Interop = typeof(CKA).Assembly;
#if NET
            try
            {
                NativeLibrary.SetDllImportResolver(pkcs11Interop, ResolveLibdl);
            }
            catch (InvalidOperationException)
            {
                // The application set its own resolver for Pkcs11Interop already: leave it in charge.
            }
#else
            // The netstandard2.0 build may run on .NET (Core) on Linux: reach the same API by reflection there.
            // On .NET Framework and Mono the type does not exist and nothing is needed.
            Type? nativeLibrary = typeof(object).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary");
            Type? resolverType = typeof(object).Assembly.GetType("System.Runtime.InteropServices.DllImportResolver");
            MethodInfo? set = resolverType is null ? null : nativeLibrary?.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            TryLoadByReflection = nativeLibrary?.GetMethod("TryLoad", new[] { typeof(string), typeof(IntPtr).MakeByRefType() });
            MethodInfo? resolve = typeof(Pkcs11ModuleRegistry).GetMethod(nameof(ResolveLibdlByReflection), BindingFlags.NonPublic | BindingFlags.Static);
            if (set is null || TryLoadByReflection is null || resolve is null || resolverType is null)
            {
                return;
            }

            try
            {
                set.Invoke(null, new object[] { pkcs11Interop, Delegate.CreateDelegate(resolverType, resolve) });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException)
            {
                // Already set by the application.
            }
#endif
        }

        private static readonly string[] LibdlCandidates = { "libdl.so.2", "libc.so.6", "libdl.so", "libdl.dylib", "libSystem.dylib" };

#if NET
        private static IntPtr ResolveLibdl(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (libraryName != "libdl")
            {
                return IntPtr.Zero;
            }

            if (NativeLibrary.TryLoad(libraryName, assembly, searchPath, out IntPtr handle))
            {
                return handle;
            }

            foreach (string candidate in LibdlCandidates)
            {
                if (NativeLibrary.TryLoad(candidate, out handle))
                {
                    return handle;
                }
            }

            return IntPtr.Zero;
        }
#else
        private static MethodInfo? TryLoadByReflection;

        private static IntPtr ResolveLibdlByReflection(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            _ = assembly;
            _ = searchPath;
            if (libraryName != "libdl" || TryLoadByReflection is null)
            {
                return IntPtr.Zero;
            }

            foreach (string candidate in LibdlCandidates)
            {
                object[] arguments = { candidate, IntPtr.Zero };
                if ((bool)TryLoadByReflection.Invoke(null, arguments)!)
                {
                    return (IntPtr)arguments[1];
                }
            }

            return IntPtr.Zero;
        }
#endif
    }
}
