// The architecture test fails, naming the rules broken and the application class that uses Hibernate.
String log = new File(basedir, 'build.log').text
[
    "Rule 'technologyStaysInItsAdapters(JPA/Hibernate):",
    "Rule 'applicationDependsOnDomainAndInjectOnly:",
    'Field <org.acme.orders.application.OrderStatistics.sessions> has type <org.hibernate.SessionFactory>',
    'Method <org.acme.orders.application.OrderStatistics.ordersPlaced()> calls method <org.hibernate.SessionFactory.fromSession',
].each { assert log.contains(it): "build.log lacks: $it" }
assert log =~ /Tests run: \d+, Failures: [1-9]\d*, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s <<< FAILURE! -- in org\.acme\.orders\.ArchitectureTest/
return true
