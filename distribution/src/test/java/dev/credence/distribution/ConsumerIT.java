package dev.credence.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The consumer project of {@code src/it/consumer}, built by the invoker against this build's
 * artifacts through the BOM, runs on the class path and on the module path; and the library guide's
 * Java code is the consumer's code, so the guide stays true.
 */
class ConsumerIT {
    private static final Path PROJECT =
            Path.of(System.getProperty("credence.it.projects"), "consumer");

    /**
     * The consumer's jar and its run-time jars, which its manifest's Class-Path lists in repository
     * layout, resolved in the integration tests' local repository.
     */
    private static String path() {
        Path jar = PROJECT.resolve("target/consumer-1.0.jar");
        Path repo = Path.of(System.getProperty("credence.it.repository"));
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        try (JarFile jf = new JarFile(jar.toFile())) {
            String cp = jf.getManifest().getMainAttributes().getValue("Class-Path");
            for (String e : cp.trim().split("\\s+")) {
                Path dep = repo.resolve(e);
                assertTrue(Files.isRegularFile(dep), "run-time jar " + dep);
                entries.add(dep.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void assertFits(ProcessRun r, String path) {
        assertEquals(0, r.code(), r.toString());
        assertTrue(
                r.out().contains("consumer on the " + path + ", backend jvm: posterior mean of mu"),
                r.toString());
    }

    @Test
    @DisplayName("the consumer fits by NUTS and SVI from the class path")
    void classPath() {
        ProcessRun r =
                ProcessRun.run(
                        List.of(ProcessRun.java(), "-cp", path(), "consumer.Main"),
                        Map.of(),
                        PROJECT);
        assertFits(r, "class path");
    }

    @Test
    @DisplayName("the consumer fits from the module path, plugins joining by service binding")
    void modulePath() {
        ProcessRun r =
                ProcessRun.run(
                        List.of(ProcessRun.java(), "-p", path(), "-m", "consumer/consumer.Main"),
                        Map.of(),
                        PROJECT);
        assertFits(r, "module path");
    }

    @Test
    @DisplayName("every Java block of docs/library.md is code of the consumer project")
    void guideIsTheConsumersCode() throws IOException {
        Path guide = Path.of(System.getProperty("credence.docs"), "library.md");
        Matcher m =
                Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                        .matcher(Files.readString(guide));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "no Java blocks in " + guide);
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> s = Files.walk(PROJECT.resolve("src"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(squash(Files.readString(f))).append('\n');
            }
        }
        for (String block : blocks) {
            assertTrue(
                    sources.toString().contains(squash(block)),
                    "this block of " + guide + " is not in the consumer project:\n" + block);
        }
    }

    /** Collapses each run of white space to one blank, so indentation does not matter. */
    private static String squash(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
