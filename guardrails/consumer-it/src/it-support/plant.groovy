// Pre-build hook of the cases in src/it (see the invoker configuration in ../../pom.xml).
// A planted case directory holds only its invoker.properties, verify.groovy and the files it plants
// (new classes, or replacements of clean ones); this copies every other file of the clean consumer
// next to them, so each case builds "the clean consumer + one mistake".
// The invoker runs a hook with basedir = the hook's own directory, so the hook plants every cloned
// case at once; it only adds missing files, so running it again (once per case) changes nothing.
import java.nio.file.FileAlreadyExistsException
import java.nio.file.Files
import java.nio.file.Path

Path moduleDir = basedir.toPath().toRealPath().parent.parent
Path clean = moduleDir.resolve('src/it/clean')
Path cases = moduleDir.resolve('target/it')
Set<String> caseOwnFiles = ['invoker.properties', 'verify.groovy'] as Set

List<Path> cleanFiles = Files.walk(clean).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }
Files.list(cases).withCloseable { it.filter { Files.isDirectory(it) }.toList() }.each { Path caseDir ->
    if (caseDir.fileName.toString() == 'clean') {
        return
    }
    cleanFiles.each { Path source ->
        Path relative = clean.relativize(source)
        if (relative.toString() in caseOwnFiles) {
            return
        }
        Path target = caseDir.resolve(relative.toString())
        if (Files.notExists(target)) {
            Files.createDirectories(target.parent)
            try {
                Files.copy(source, target)
            } catch (FileAlreadyExistsException ignored) {
                // planted by a parallel run of this hook
            }
        }
    }
}
return true
