// The architecture test fails, naming the rule and the adapter class that reaches into the other one.
String log = new File(basedir, 'build.log').text
[
    "Rule 'adaptersDoNotDependOnEachOther:",
    'Method <org.acme.orders.adapter.http.RememberingShippingQuoteAdapter.quote(java.lang.String, int)> calls method <org.acme.orders.adapter.persistence.JpaOrdersAdapter.findByReference',
].each { assert log.contains(it): "build.log lacks: $it" }
assert log =~ /Tests run: \d+, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s <<< FAILURE! -- in org\.acme\.orders\.ArchitectureTest/
return true
