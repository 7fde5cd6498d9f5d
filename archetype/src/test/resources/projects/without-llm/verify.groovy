// without-llm: the generated build passed (goal.txt: verify). Then:
// 1. the README's generate line, run as a user would after ./mvnw install, offline;
// 2. violations planted in that project make its own build fail, naming each offending class;
// 3. a withLlm that is not exactly true or false stops generation, naming the property.
def common = evaluate(new File(basedir.parentFile, 'common.groovy'))
Properties it = common.it
File project = context.projectDir
common.assertExecutable(project)
common.assertNoShortlease(project)
assert !new File(project, 'llm-adapter').exists()
assert !new File(project, 'pom.xml').text.contains('llm-adapter')
String readme = new File(project, 'README.md').text
assert !readme.contains('LLM_PROVIDER')
assert !readme.contains('LangChain4j'): 'the README still names the LLM adapter'
assert !(readme =~ /(?m)^.*persistence-.*llm-.*$/): 'the module diagram still shows llm-adapter'
assert !(readme =~ /<!-- (no-)?llm:/): 'an llm marker was left in the README'
// Deleting the example before adding an entity fails entitiesAreNotPublic (it must fail on none):
// the deletion steps say so, where the other rules that need an example part are named.
assert readme =~ /`entitiesAreNotPublic`\s+fails the same way/:
        'the README\'s "delete the example" steps do not say that entitiesAreNotPublic needs an entity'

// 1. Generate. Offline, Maven cannot look up the "archetype:" prefix, so the plugin is named in full.
String mvn = new File(it.getProperty('maven.home'), 'bin/mvn').path
def generate = { File dir, List<String> extra ->
    dir.deleteDir()
    dir.mkdirs()
    common.run(dir,
            [mvn] + common.offlineArgs + [
                    'org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate',
                    "-DarchetypeGroupId=${it.getProperty('archetype.groupId')}".toString(),
                    "-DarchetypeArtifactId=${it.getProperty('archetype.artifactId')}".toString(),
                    "-DarchetypeVersion=${it.getProperty('archetype.version')}".toString(),
                    '-DgroupId=com.example', '-DartifactId=ticketing', '-Dversion=0.1.0-SNAPSHOT',
                    '-Dpackage=com.example.ticketing', '-DinteractiveMode=false'] + extra,
            [:], 'generate.log', 120)
}
File cli = new File(basedir, 'cli')
def (generated, generateLog) = generate(cli, [])
assert generated == 0: generateLog
assert !generateLog.contains("Don't override file"): "generation warns about the filesets:\n${generateLog}"
assert !generateLog.contains('[WARNING] Property'): "generation warns about a file-name token:\n${generateLog}"
File ticketing = new File(cli, 'ticketing')
common.assertExecutable(ticketing)
assert new File(ticketing, 'llm-adapter').isDirectory(): 'withLlm defaults to true'

// 2. Plant the classic mistakes.
File app = new File(ticketing, 'application')
File appPom = new File(app, 'pom.xml')
appPom.text = appPom.text.replace('  <dependencies>\n', '''  <dependencies>
    <dependency>
      <groupId>org.hibernate.orm</groupId>
      <artifactId>hibernate-core</artifactId>
    </dependency>
''')
File appSrc = new File(app, 'src/main/java/com/example/ticketing/application')
// (a) an entity returned from a port
new File(appSrc, 'port/out/QuestionRow.java').text = '''package com.example.ticketing.application.port.out;

@jakarta.persistence.Entity
public class QuestionRow {
  @jakarta.persistence.Id java.util.UUID id;
}
'''
new File(appSrc, 'port/out/QuestionRowsPort.java').text = '''package com.example.ticketing.application.port.out;

public interface QuestionRowsPort {
  QuestionRow row(java.util.UUID id);
}
'''
// (b) a class in the application importing Hibernate
new File(appSrc, 'ReportService.java').text = '''package com.example.ticketing.application;

import org.hibernate.Session;

public final class ReportService {
  private Session session;
}
'''
// (c) a long-call port called while a connection is held (inside a SessionScope callback)
new File(ticketing, 'persistence-adapter/src/main/java/com/example/ticketing/adapter/persistence/EagerAnswers.java').text = '''package com.example.ticketing.adapter.persistence;

import com.example.ticketing.application.port.out.AnswerPort;

final class EagerAnswers {
  static void answerInside(SessionScope scope, AnswerPort answers) {
    scope.run(em -> answers.answer("held"));
  }
}
'''
// (d) the same, inside JPA's own transaction callback rather than SessionScope's
new File(ticketing, 'persistence-adapter/src/main/java/com/example/ticketing/adapter/persistence/FactoryAnswers.java').text = '''package com.example.ticketing.adapter.persistence;

import com.example.ticketing.application.port.out.AnswerPort;
import jakarta.persistence.EntityManagerFactory;

final class FactoryAnswers {
  static void answerInside(EntityManagerFactory factory, AnswerPort answers) {
    factory.runInTransaction(em -> answers.answer("held"));
  }
}
'''
// (e) an in-port not named *UseCase: Server's wiring would neither leak-check it nor make it a unit of work
new File(appSrc, 'port/in/Asking.java').text = '''package com.example.ticketing.application.port.in;

public interface Asking {
  String ask(String text);
}
'''
// (f) a new adapter under a package ArchitectureTest.HEXAGON does not describe: no rule would look at it
new File(ticketing, 'web-adapter/src/main/java/com/example/ticketing/integration').mkdirs()
new File(ticketing, 'web-adapter/src/main/java/com/example/ticketing/integration/WeatherClient.java').text = '''package com.example.ticketing.integration;

public final class WeatherClient {
  public String forecast() {
    return "sunny";
  }
}
'''

// The project's own CI entry point, .ci/run, which runs README.md's test command (./mvnw -B verify).
// MAVEN_ARGS makes that build offline and runs only its architecture test, to keep this case short.
// Started with an older default JDK where there is one: the scripts must pick a JDK 21+ by themselves.
Map<String, String> env = [MAVEN_ARGS: (common.offlineArgs + ['-Dtest=ArchitectureTest',
                                                              '-Dsurefire.failIfNoSpecifiedTests=false']).join(' ')]
if (new File('/usr/lib/jvm/java-17-openjdk-amd64/bin/java').canExecute()) {
    env.JAVA_HOME = '/usr/lib/jvm/java-17-openjdk-amd64'
}
def (built, buildLog) = common.run(ticketing, ['.ci/run'], env, 'violations.log', 600)
assert buildLog.contains('ci: running: ./mvnw -B verify'): buildLog
assert built != 0: "the build passed with planted violations:\n${buildLog}"
assert buildLog.contains('ArchitectureTest'): buildLog
String report = new File(ticketing, 'bootstrap/target/surefire-reports/com.example.ticketing.bootstrap.ArchitectureTest.txt').text
assert report =~ /(?m)^.*QuestionRowsPort\.row.*entity.*QuestionRow.*$/: "entity in a port not reported:\n${report}"
assert report =~ /(?m)^.*ReportService.*org\.hibernate\.Session.*$/: "Hibernate in the application not reported:\n${report}"
assert report =~ /(?m)^.*EagerAnswers\.answerInside.*AnswerPort\.answer.*$/: "long call inside a transaction not reported:\n${report}"
assert report =~ /(?m)^.*FactoryAnswers\.answerInside.*AnswerPort\.answer.*EntityManagerFactory\.runInTransaction.*$/: "long call inside EntityManagerFactory.runInTransaction not reported:\n${report}"
assert report =~ /(?m)^.*useCasesAreNamed.*$/ && report =~ /(?m)^.*port\.in\.Asking.*$/: "in-port not named *UseCase not reported:\n${report}"
assert report =~ /(?m)^.*everyClassIsInADescribedPart.*describe a new adapter in ArchitectureTest\.HEXAGON.*$/ &&
       report =~ /(?m)^.*integration\.WeatherClient> does not reside in any package.*$/: "undescribed package not reported:\n${report}"
// Each rule is a test of its own, reported under the rule's name (not theServiceKeepsToItsHexagon()[n]).
String xml = new File(ticketing, 'bootstrap/target/surefire-reports/TEST-com.example.ticketing.bootstrap.ArchitectureTest.xml').text
['longCallsOutsideTransactions', 'useCasesAreNamed', 'portsSpeakValues'].each { rule ->
    assert xml =~ /<testcase name="[^"]*\b${rule}"/: "no test named ${rule} in the report:\n${xml}"
}
assert !xml.contains('theServiceKeepsToItsHexagon()['): "tests reported by index:\n${xml}"
println 'IT: planted violations failed the generated build, each named'

// 3. -DwithLlm=TRUE used to generate a project that did not build (the templates test "true",
// the post-generate script read any case): now generation fails, says why, and leaves nothing.
File badCli = new File(basedir, 'cli-bad-withLlm')
def (refused, refusedLog) = generate(badCli, ['-DwithLlm=TRUE'])
assert refused != 0: "withLlm=TRUE was accepted:\n${refusedLog}"
assert refusedLog.contains("withLlm must be exactly 'true' or 'false' (lower case), got 'TRUE'"): refusedLog
assert !new File(badCli, 'ticketing').exists(): 'a refused generation left its project behind'
println 'IT: withLlm=TRUE refused with a clear message'
