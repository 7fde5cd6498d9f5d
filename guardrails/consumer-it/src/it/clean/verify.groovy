// The clean consumer passes every check of the kit, and each check really ran.
String log = new File(basedir, 'build.log').text
[
    'org.acme.orders.ArchitectureTest': /\d{2}/, // one test per rule of the hexagon
    'org.acme.orders.adapter.persistence.JpaOrdersAdapterTest': /2/,
    'org.acme.orders.adapter.http.HttpShippingQuoteAdapterTest': /2/,
    'org.acme.orders.bootstrap.OrdersRuntimeTest': /3/,
].each { testClass, tests ->
    assert log =~ /Tests run: $tests, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in ${testClass.replace('.', '\\.')}/:
            "build.log does not show the passing tests of $testClass"
}
assert log.contains('BUILD SUCCESS')
return true
