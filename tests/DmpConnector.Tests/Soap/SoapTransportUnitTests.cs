using System;
using System.Linq;
using DmpConnector.Soap;
using NUnit.Framework;

namespace DmpConnector.Tests.Soap
{
    public class SoapTransportUnitTests
    {
        [Test]
        public void Backoff_doubles_with_jitter_and_is_capped()
        {
            using var transport = new SoapHttpTransport(new SoapTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(300) });
            for (int i = 0; i < 50; i++)
            {
                Assert.That(transport.NextDelay(0).TotalMilliseconds, Is.InRange(50, 100));
                Assert.That(transport.NextDelay(1).TotalMilliseconds, Is.InRange(100, 200));
                Assert.That(transport.NextDelay(5).TotalMilliseconds, Is.InRange(150, 300));
            }

            Assert.That(Enumerable.Range(0, 20).Select(_ => transport.NextDelay(2)).Distinct().Count(), Is.GreaterThan(1), "jittered");
        }

        [Test]
        public void Bad_options_are_rejected()
        {
            var ex = Assert.Throws<DmpInputException>(() => _ = new SoapHttpTransport(new SoapTransportOptions { Timeout = TimeSpan.Zero }));
            Assert.That(ex!.Rule, Is.EqualTo("SOAP-OPTIONS"));
        }
    }
}
