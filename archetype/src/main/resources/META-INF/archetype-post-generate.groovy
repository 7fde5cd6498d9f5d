// Runs after archetype:generate wrote the project: what Velocity templates cannot do.
import java.nio.file.Files
import java.nio.file.Path

Path root = Path.of(request.outputDirectory, request.artifactId)
Properties props = request.properties

// The Velocity templates test withLlm == "true" literally, while anything else would have to mean
// false here: -DwithLlm=TRUE (or True, yes, no) generated a project whose POMs and code disagree and
// which does not build. Batch mode does not apply the descriptor's validationRegex, so refuse it here,
// before anything else, and remove what archetype:generate already wrote (it refuses to generate into
// an existing directory, so the directory is this run's own).
String withLlmValue = props.getProperty('withLlm', 'true')
if (!(withLlmValue in ['true', 'false'])) {
    root.toFile().deleteDir()
    throw new IllegalArgumentException(
            "withLlm must be exactly 'true' or 'false' (lower case), got '${withLlmValue}': " +
            "nothing was generated; run archetype:generate again with -DwithLlm=true or -DwithLlm=false")
}
boolean withLlm = withLlmValue == 'true'

// Optional modules: the templates leave them out of the POMs and the code; here their directory goes.
// (archetype:generate itself lists every module of the descriptor in the root POM.)
if (!withLlm) {
    root.resolve('llm-adapter').toFile().deleteDir()
    Path pom = root.resolve('pom.xml')
    Files.writeString(pom, Files.readString(pom).replaceAll('(?m)^\\s*<module>llm-adapter</module>\\s*\\n', ''))
}

// Maven's resource handling drops files named .gitignore, so the template ships gitignore (not
// __gitignore__: archetype:generate reads __name__ in a file name as a property and warns).
Files.move(root.resolve('gitignore'), root.resolve('.gitignore'))

// Files that are not Velocity templates (shell scripts, Markdown full of '#') carry __TOKENS__.
Map<String, String> tokens = [
    '__ARTIFACT_ID__'      : request.artifactId,
    '__GROUP_ID__'         : request.groupId,
    '__VERSION__'          : request.version,
    '__PACKAGE__'          : request.package,
    '__PACKAGE_PATH__'     : request.package.replace('.', '/'),
    '__GUARDRAILS_VERSION__': props.getProperty('guardrailsVersion'),
]
List<Path> tokenized = [root.resolve('README.md'), root.resolve('start'), root.resolve('scripts/pick-jdk.sh')]
Files.list(root.resolve('docs')).withCloseable { docs -> docs.each { tokenized << it } }
tokenized.each { Path file ->
    String text = Files.readString(file)
    tokens.each { token, value -> text = text.replace(token, value) }
    // <!-- llm:begin --> ... <!-- llm:end --> only with the LLM adapter; <!-- no-llm:... --> only without.
    String drop = withLlm ? 'no-llm' : 'llm'
    String keep = withLlm ? 'llm' : 'no-llm'
    text = text.replaceAll("(?s)<!-- ${drop}:begin -->.*?<!-- ${drop}:end -->\\n?", '')
    text = text.replaceAll("<!-- ${keep}:(begin|end) -->\\n?", '')
    Files.writeString(file, text)
}

// Archetype generation does not keep file modes.
['mvnw', 'start', '.ci/run', 'scripts/pick-jdk.sh'].each { root.resolve(it).toFile().setExecutable(true, false) }
