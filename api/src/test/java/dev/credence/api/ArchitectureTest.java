package dev.credence.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shape of the API module, checked on its compiled classes: no import circles between its
 * packages, the backend SPI independent of the tensor layer, the program-compiler SPI a thin
 * interface over programs and buffers, and no oversized source file.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The compiled main classes of this module, read from disk: robust to how the test
        // runtime lays out modules.
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
        assertTrue(classes.size() > 100, "found only " + classes.size() + " classes");
    }

    @Test
    @DisplayName("the top-level packages of dev.credence.api form no import circle")
    void topLevelPackagesAreAcyclic() {
        slices().matching("dev.credence.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("no two packages of dev.credence.api, sub-packages included, import each other")
    void everyPackageIsAcyclic() {
        slices().matching("dev.credence.api.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("the backend SPI depends on nothing in the tensor layer")
    void backendSpiIgnoresTensors() {
        noClasses()
                .that()
                .resideInAPackage("dev.credence.api.backend..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.credence.api.tensor..")
                .check(classes);
    }

    @Test
    @DisplayName(
            "the program-compiler SPI sees only programs and the backend SPI (the compiler is a plugin)")
    void compilerSpiStaysThin() {
        classes()
                .that()
                .resideInAPackage("dev.credence.api.compile..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "dev.credence.api.compile..",
                        "dev.credence.api.tensor..",
                        "dev.credence.api.backend..")
                .check(classes);
    }

    @Test
    @DisplayName("no main source file of the API exceeds 500 lines")
    void filesStaySmall() throws IOException {
        Path root = Path.of("src", "main", "java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(root)) {
            tooLong =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(ArchitectureTest::overLimit)
                            .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
                            .collect(Collectors.toList());
        }
        assertTrue(tooLong.isEmpty(), "files over 500 lines: " + tooLong);
    }

    private static boolean overLimit(Path p) {
        return lines(p) > 500;
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }
}
