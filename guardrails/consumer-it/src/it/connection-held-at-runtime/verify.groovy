// The architecture test passes (nothing static to see); the runtime guard, in strict mode, stops the
// remote call and names the caller and where the held connection was taken; the test kit's pool
// check fails on the adapter too.
String log = new File(basedir, 'build.log').text
[
    'org.acme.orders.bootstrap.OrdersRuntimeTest.placesAnOrderWithoutHoldingAConnectionDuringTheQuote',
    'dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException',
    'long call ShippingQuotePort.quote(String, int) entered from org.acme.orders.application.PlaceOrderService.place',
    'while holding a pooled database connection',
    'at org.acme.orders.adapter.persistence.JpaOrdersAdapter.findByReference(JpaOrdersAdapter.java:',
    'pool not idle after OrdersPort.findByReference(String)', // the test kit, on the adapter alone
].each { assert log.contains(it): "build.log lacks: $it" }
assert log =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in org\.acme\.orders\.ArchitectureTest/
return true
