// The architecture test fails, naming the rules broken and the port and entity.
String log = new File(basedir, 'build.log').text
[
    "Rule 'portsSpeakValues:",
    'ShipmentsPort.shipmentsOf(org.acme.orders.domain.OrderId)> uses org.acme.orders.adapter.persistence.ShipmentEntity, not an ID, record, enum',
    "Rule 'entitiesStayOutOfReachableSignatures:",
    'ShipmentsPort.shipmentsOf(org.acme.orders.domain.OrderId)> exposes entity org.acme.orders.adapter.persistence.ShipmentEntity',
    "Rule 'entitiesAreNotPublic:",
    'Class <org.acme.orders.adapter.persistence.ShipmentEntity> has modifier PUBLIC',
].each { assert log.contains(it): "build.log lacks: $it" }
assert log =~ /Tests run: \d+, Failures: [1-9]\d*, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s <<< FAILURE! -- in org\.acme\.orders\.ArchitectureTest/
return true
