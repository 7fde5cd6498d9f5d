// The architecture test fails, naming the long-call rule and the class and line that call the remote
// port inside a transaction.
String log = new File(basedir, 'build.log').text
[
    "Rule 'longCallsOutsideTransactions:",
    'org.acme.orders.adapter.persistence.OrderRequoter.requote(java.lang.String) calls long-call port org.acme.orders.application.port.out.ShippingQuotePort.quote inside a transaction (lambda passed to Transactions.inTransaction',
].each { assert log.contains(it): "build.log lacks: $it" }
assert log =~ /Tests run: \d+, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s <<< FAILURE! -- in org\.acme\.orders\.ArchitectureTest/
return true
