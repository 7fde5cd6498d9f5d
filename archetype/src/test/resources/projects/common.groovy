// Helpers shared by the IT cases' verify.groovy (loaded with evaluate(...)); returns a map of closures.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

Properties props = new Properties()
new File(basedir.parentFile, 'it.properties').withInputStream { props.load(it) }

// Maven arguments that make a generated build offline, on target/it-repo chained to the user's repository.
List<String> offlineArgs = ['-B', '-o', '-s', props.getProperty('it.settings'),
                            "-Dmaven.repo.local=${props.getProperty('it.repo')}".toString(),
                            "-Dmaven.repo.local.tail=${props.getProperty('it.repo.tail')}".toString()]

// Runs a command in dir with a time limit; returns [exitCode, output]. The output also goes to dir/<log>.
def run = { File dir, List<String> command, Map<String, String> env, String log, long timeoutSeconds ->
    long start = System.nanoTime()
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
    builder.redirectOutput(new File(dir, log))
    builder.environment().putAll(env)
    Process process = builder.start()
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
        throw new AssertionError("${command.join(' ')} did not finish within ${timeoutSeconds} s; see ${new File(dir, log)}")
    }
    println "IT: ${command.take(3).join(' ')} ... in ${dir.name}: exit ${process.exitValue()} after ${(System.nanoTime() - start).intdiv(1_000_000_000)} s"
    return [process.exitValue(), new File(dir, log).text]
}

// The generated project names nothing after shortlease except the kit's coordinates and imports.
def assertNoShortlease = { File project ->
    List<String> offenders = []
    project.eachFileRecurse { File file ->
        String relative = project.toPath().relativize(file.toPath()).toString()
        if (file.isDirectory() || relative.contains('target/') || relative.startsWith('data/')
                || file.name.endsWith('.log')) {
            return
        }
        file.readLines().eachWithIndex { String line, int i ->
            String rest = line.replaceAll('dev\\.shortlease[.:]', '').replaceAll('shortlease-guardrails[-a-z*]*', '')
                    .replace('<groupId>dev.shortlease</groupId>', '')
            if (rest.toLowerCase().contains('shortlease')) {
                offenders << "${relative}:${i + 1}: ${line.trim()}"
            }
        }
    }
    assert offenders.isEmpty(): "'shortlease' outside the kit's coordinates:\n" + offenders.join('\n')
}

def assertExecutable = { File project ->
    ['mvnw', 'start', '.ci/run', 'scripts/pick-jdk.sh'].each {
        assert new File(project, it).canExecute(): "${it} lost its executable bit"
    }
    assert new File(project, '.gitignore').isFile(): '.gitignore was dropped'
    assert !new File(project, 'gitignore').exists()
}

return [it: props, offlineArgs: offlineArgs, run: run, assertNoShortlease: assertNoShortlease,
        assertExecutable: assertExecutable]
