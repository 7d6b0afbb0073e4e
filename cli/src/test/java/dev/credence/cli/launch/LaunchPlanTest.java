package dev.credence.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch plan on jars made for each case: explicit modules compiled here, automatic modules
 * with legal and illegal names, missing requirements, split packages and two versions of a library.
 */
class LaunchPlanTest {
    @TempDir Path dir;
    private Path lib;
    private Path plugins;

    @BeforeEach
    void folders() throws IOException {
        lib = Files.createDirectories(dir.resolve("lib"));
        plugins = Files.createDirectories(dir.resolve("my plugins"));
    }

    /** Writes a jar with manifest attributes and entries (entry name to content). */
    private static Path jar(Path file, Map<String, String> manifest, Map<String, byte[]> entries)
            throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file);
                JarOutputStream out = new JarOutputStream(os, mf)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private static Path automatic(Path file, String name, String... classes) throws IOException {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        for (String c : classes) {
            entries.put(c.replace('.', '/') + ".class", new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        return jar(file, name == null ? Map.of() : Map.of("Automatic-Module-Name", name), entries);
    }

    /** The module descriptors the tests use, compiled once by the JDK's javac. */
    private static final Map<String, String> MODULES =
            Map.of(
                    "absent", "",
                    "needs", "requires absent;",
                    "needs.needs", "requires needs;",
                    "fine", "requires java.sql; requires static absent;",
                    "app", "");

    private static Map<String, byte[]> moduleInfos;

    @BeforeAll
    static void compileModules(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        for (var m : MODULES.entrySet()) {
            Path f = src.resolve(m.getKey()).resolve("module-info.java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "module " + m.getKey() + " { " + m.getValue() + " }");
        }
        Path out = tmp.resolve("classes");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process p =
                new ProcessBuilder(
                                javac.toString(),
                                "--module-source-path",
                                src.toString(),
                                "-d",
                                out.toString(),
                                "--module",
                                String.join(",", MODULES.keySet()))
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "javac: " + log);
        moduleInfos = new java.util.HashMap<>();
        for (String name : MODULES.keySet()) {
            moduleInfos.put(
                    name, Files.readAllBytes(out.resolve(name).resolve("module-info.class")));
        }
    }

    private static Path explicit(Path file, byte[] moduleInfo) throws IOException {
        return jar(file, Map.of(), Map.of("module-info.class", moduleInfo));
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    @DisplayName(
            "legal modules go on the module path, illegal names and broken ones on the class path")
    void legality() throws IOException {
        automatic(lib.resolve("auto-1.0.jar"), "auto.lib", "auto.lib.A");
        automatic(lib.resolve("derived-2.0.jar"), null, "derived.B");
        automatic(
                lib.resolve("native-2.7.1-linux-x86_64.jar"), "ai.native_linux-x86_64", "native.N");
        automatic(lib.resolve("7zip-1.0.jar"), null, "sevenzip.Z");
        LaunchPlan plan = LaunchPlan.of(List.of(lib));
        assertEquals(List.of("auto-1.0.jar", "derived-2.0.jar"), names(plan.modulePath()));
        assertEquals(
                List.of("7zip-1.0.jar", "native-2.7.1-linux-x86_64.jar"), names(plan.classPath()));
    }

    @Test
    @DisplayName(
            "a module whose requirements are missing moves to the class path, and so do its users")
    void missingRequirements() throws IOException {
        Map<String, byte[]> m = moduleInfos;
        explicit(lib.resolve("needs.jar"), m.get("needs"));
        explicit(lib.resolve("needsneeds.jar"), m.get("needs.needs"));
        explicit(lib.resolve("fine.jar"), m.get("fine"));
        LaunchPlan plan = LaunchPlan.of(List.of(lib));
        assertEquals(List.of("fine.jar"), names(plan.modulePath()));
        assertEquals(List.of("needs.jar", "needsneeds.jar"), names(plan.classPath()));
    }

    @Test
    @DisplayName("of two modules with one package, or one name, the later moves to the class path")
    void clashes() throws IOException {
        automatic(lib.resolve("first-1.0.jar"), "first", "shared.pkg.A");
        automatic(plugins.resolve("second-1.0.jar"), "second", "shared.pkg.B");
        automatic(plugins.resolve("again-1.0.jar"), "first", "other.C");
        automatic(plugins.resolve("jdkclash-1.0.jar"), "jdkclash", "java.sql.Fake");
        LaunchPlan plan = LaunchPlan.of(List.of(lib, plugins));
        assertEquals(List.of("first-1.0.jar"), names(plan.modulePath()));
        assertEquals(
                List.of("again-1.0.jar", "jdkclash-1.0.jar", "second-1.0.jar"),
                names(plan.classPath()));
    }

    @Test
    @DisplayName("of two versions of one library only the newest is used, wherever it lies")
    void newestVersion() throws IOException {
        automatic(lib.resolve("commons-thing-1.2.jar"), null, "thing.A");
        automatic(plugins.resolve("pack/commons-thing-1.10.jar"), null, "thing.A");
        automatic(plugins.resolve("pack/commons-thing-1.10-linux-x86_64.jar"), null, "thing.n.A");
        automatic(plugins.resolve("pack/commons-thing-1.4-linux-x86_64.jar"), null, "thing.n.A");
        LaunchPlan plan = LaunchPlan.of(List.of(lib, plugins));
        // The classifier jar is another library (kept in its newest version); its automatic
        // name is the same as the main jar's, so it serves from the class path.
        assertEquals(List.of("commons-thing-1.10.jar"), names(plan.modulePath()));
        assertEquals(List.of("commons-thing-1.10-linux-x86_64.jar"), names(plan.classPath()));
    }

    @Test
    @DisplayName("libraries of the same file name from different Maven groups are both kept")
    void mavenCoordinates() throws IOException {
        byte[] a =
                "groupId=org.a\nartifactId=guava\nversion=31.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] b =
                "groupId=org.b\nartifactId=guava\nversion=1.0\n".getBytes(StandardCharsets.UTF_8);
        jar(
                lib.resolve("guava-31.0.jar"),
                Map.of("Automatic-Module-Name", "org.a.guava"),
                Map.of("META-INF/maven/org.a/guava/pom.properties", a, "a/G.class", a));
        jar(
                plugins.resolve("guava-1.0.jar"),
                Map.of("Automatic-Module-Name", "org.b.guava"),
                Map.of("META-INF/maven/org.b/guava/pom.properties", b, "b/G.class", b));
        LaunchPlan plan = LaunchPlan.of(List.of(lib, plugins));
        assertEquals(List.of("guava-31.0.jar", "guava-1.0.jar"), names(plan.modulePath()));
    }

    @Test
    @DisplayName("the argument file quotes paths with spaces and names the main module")
    void argFile() throws IOException {
        Map<String, byte[]> m = moduleInfos;
        explicit(plugins.resolve("app-1.0.jar"), m.get("app"));
        automatic(plugins.resolve("native-1.0-linux-x86_64.jar"), "bad-name", "n.N");
        Path args = dir.resolve("java.args");
        LaunchPlan.of(List.of(lib, plugins)).writeArgFile(args, "app/app.Main");
        List<String> lines = Files.readAllLines(args);
        assertEquals("--module-path", lines.get(0));
        assertEquals('"' + plugins.resolve("app-1.0.jar").toString() + '"', lines.get(1));
        assertEquals("--class-path", lines.get(2));
        assertTrue(lines.get(3).contains("my plugins"), lines.get(3));
        assertEquals(List.of("--module", "app/app.Main"), lines.subList(6, 8));
        var missing =
                assertThrows(
                        IllegalStateException.class,
                        () -> LaunchPlan.of(List.of(lib)).writeArgFile(args, "app/app.Main"));
        assertTrue(missing.getMessage().contains("module app is not among the jars"));
    }

    @Test
    @DisplayName("main: --path adds a class-path-style list of plugins after the folders")
    void mainWithPath() throws IOException {
        Map<String, byte[]> m = moduleInfos;
        explicit(lib.resolve("app-1.0.jar"), m.get("app"));
        Path extra = automatic(dir.resolve("elsewhere/extra-1.0.jar"), "extra", "extra.E");
        Path args = dir.resolve("java.args");
        LaunchPlan.main(
                new String[] {
                    "--out",
                    args.toString(),
                    "--main",
                    "app/app.Main",
                    "--path",
                    java.io.File.pathSeparator + extra + java.io.File.pathSeparator,
                    lib.toString()
                });
        String modulePath = Files.readAllLines(args).get(1);
        assertTrue(modulePath.endsWith(extra + "\""), modulePath);
        try (Stream<String> s = Files.lines(args)) {
            assertEquals(6, s.count(), "no class path when every jar is a module");
        }
    }
}
