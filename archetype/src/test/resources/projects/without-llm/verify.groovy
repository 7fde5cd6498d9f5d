// without-llm: the generated build passed (goal.txt: verify). Then:
// 1. the README's generate line, run as a user would after ./mvnw install, offline;
// 2. violations planted in that project make its own build fail, naming each offending class.
def common = evaluate(new File(basedir.parentFile, 'common.groovy'))
Properties it = common.it
File project = context.projectDir
common.assertExecutable(project)
common.assertNoShortlease(project)
assert !new File(project, 'llm-adapter').exists()
assert !new File(project, 'pom.xml').text.contains('llm-adapter')
assert !new File(project, 'README.md').text.contains('LLM_PROVIDER')

// 1. Generate. Offline, Maven cannot look up the "archetype:" prefix, so the plugin is named in full.
File cli = new File(basedir, 'cli')
cli.deleteDir()
cli.mkdirs()
String mvn = new File(it.getProperty('maven.home'), 'bin/mvn').path
def (generated, generateLog) = common.run(cli,
        [mvn] + common.offlineArgs + [
                'org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate',
                "-DarchetypeGroupId=${it.getProperty('archetype.groupId')}".toString(),
                "-DarchetypeArtifactId=${it.getProperty('archetype.artifactId')}".toString(),
                "-DarchetypeVersion=${it.getProperty('archetype.version')}".toString(),
                '-DgroupId=com.example', '-DartifactId=ticketing', '-Dversion=0.1.0-SNAPSHOT',
                '-Dpackage=com.example.ticketing', '-DinteractiveMode=false'],
        [:], 'generate.log', 120)
assert generated == 0: generateLog
File ticketing = new File(cli, 'ticketing')
common.assertExecutable(ticketing)
assert new File(ticketing, 'llm-adapter').isDirectory(): 'withLlm defaults to true'

// 2. Plant the three classic mistakes.
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
println 'IT: planted violations failed the generated build, each named'
