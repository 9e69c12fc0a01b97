using System.Reflection;
using System.Runtime.Versioning;
using DmpConnector.Identity;
using NUnit.Framework;

namespace DmpConnector.Tests
{
    public class SdkBuildTests
    {
        [Test]
        public void The_tests_run_against_the_intended_build_of_the_SDK()
        {
            string? framework = typeof(Ins).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

#if SDK_NETSTANDARD
            Assert.That(framework, Is.EqualTo(".NETStandard,Version=v2.0"), "DmpConnector.Tests.NetStandard must exercise the netstandard2.0 build");
#else
            Assert.That(framework, Is.EqualTo(".NETCoreApp,Version=v10.0"));
#endif
        }
    }
}
