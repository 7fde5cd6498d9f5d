// with-llm: the generated build passed (goal.txt: verify). Now the smoke test: the README's run
// command starts the service, its example endpoint answers, and the answer is saved.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

def common = evaluate(new File(basedir.parentFile, 'common.groovy'))
File project = context.projectDir
common.assertExecutable(project)
common.assertNoShortlease(project)
assert new File(project, 'llm-adapter/pom.xml').isFile()
assert new File(project, 'pom.xml').text.contains('<module>llm-adapter</module>')
String readme = new File(project, 'README.md').text
assert readme =~ /(?m)^.*persistence-.*llm-.*web-.*$/: 'the module diagram lost llm-adapter'
assert !(readme =~ /<!-- (no-)?llm:/): 'an llm marker was left in the README'
assert new File(project, 'pom.xml').text.contains("<guardrails.version>${common.it.getProperty('archetype.version')}</guardrails.version>")

// ./start, as README.md gives it (its ./mvnw made offline through MAVEN_ARGS).
String runCommand = (new File(project, 'README.md').text =~ /<!-- run-command: (.*) -->/)[0][1]
assert runCommand == './start'
File log = new File(project, 'smoke.log')
ProcessBuilder builder = new ProcessBuilder(runCommand).directory(project).redirectErrorStream(true)
builder.redirectOutput(log)
builder.environment().putAll([PORT: '0', HOST: '127.0.0.1', SIMULATED_LATENCY_MS: '50',
                              MAVEN_ARGS: common.offlineArgs.join(' ')])
long started = System.nanoTime()
Process service = builder.start()
try {
    String base = null
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300)
    while (base == null) {
        assert service.alive: "the service ended (exit ${service.exitValue()}):\n${log.text}"
        assert System.nanoTime() < deadline: "the service did not start within 300 s:\n${log.text}"
        def running = log.text =~ /ticketing is running at (http:\/\/\S+)/
        if (running.find()) {
            base = running.group(1)
        } else {
            Thread.sleep(200)
        }
    }
    println "IT: ./start served ${base} after ${(System.nanoTime() - started).intdiv(1_000_000_000)} s"
    HttpClient http = HttpClient.newHttpClient()
    def send = { String method, String path, String body ->
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header('Content-Type', 'application/json').build()
        return http.send(request, HttpResponse.BodyHandlers.ofString())
    }
    def asked = send('POST', '/questions', '{"text": "Is the smoke test green?"}')
    assert asked.statusCode() == 201: asked.body()
    String id = (asked.body() =~ /"id":"([^"]+)"/)[0][1]
    def answered = send('POST', "/questions/${id}/answer", null)
    assert answered.statusCode() == 200: answered.body()
    assert answered.body().contains('A simulated answer to \\"Is the smoke test green?\\"')
    def saved = send('GET', "/questions/${id}", null)
    assert saved.statusCode() == 200
    assert saved.body().contains('"answer":"A simulated answer to'): "answer not saved: ${saved.body()}"
    assert send('GET', '/health/ready', null).statusCode() == 200
    assert send('GET', '/metrics', null).body().contains('hikaricp_connections_active')
    println "IT: smoke test passed: ${saved.body()}"
} finally {
    service.descendants().forEach { it.destroy() }
    service.destroy()
    if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly()
    }
}
// The default database is the H2 file the README names.
assert new File(project, 'data/ticketing.mv.db').isFile()
