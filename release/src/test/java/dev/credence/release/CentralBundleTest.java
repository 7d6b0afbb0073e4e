package dev.credence.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.release.CentralBundle.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release check on small staged repositories written here: a complete bundle passes, and each
 * thing Central requires, taken away, is reported by name.
 */
class CentralBundleTest {
    @TempDir Path staging;

    private static final String METADATA =
            "<url>https://example.org</url>"
                    + "<licenses><license><name>Apache-2.0</name>"
                    + "<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>"
                    + "<developers><developer><name>Someone</name></developer></developers>"
                    + "<scm><url>https://example.org/git</url>"
                    + "<connection>scm:git:https://example.org/git</connection></scm>";

    private static String pom(String artifactId, String version, String packaging, String body) {
        return "<project><modelVersion>4.0.0</modelVersion><groupId>dev.credence</groupId>"
                + "<artifactId>"
                + artifactId
                + "</artifactId><version>"
                + version
                + "</version><packaging>"
                + packaging
                + "</packaging>"
                + body
                + "</project>";
    }

    private static String parentRef(String version) {
        return "<parent><groupId>dev.credence</groupId><artifactId>credence-parent</artifactId>"
                + "<version>"
                + version
                + "</version></parent>";
    }

    /** Writes a file with its checksums and, when asked, a signature. */
    private void put(Component c, String suffix, String content, boolean sign) throws Exception {
        Path f = c.dir(staging).resolve(c.file(suffix));
        Files.createDirectories(f.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(f, bytes);
        Files.writeString(f.resolveSibling(f.getFileName() + ".md5"), hex("MD5", bytes));
        Files.writeString(f.resolveSibling(f.getFileName() + ".sha1"), hex("SHA-1", bytes));
        if (sign) {
            Files.writeString(
                    f.resolveSibling(f.getFileName() + ".asc"),
                    "-----BEGIN PGP SIGNATURE-----\n\nxyz\n-----END PGP SIGNATURE-----\n");
        }
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static final String V = "1.2.0";
    private static final Component PARENT = new Component("dev.credence", "credence-parent", V);
    private static final Component BOM = new Component("dev.credence", "credence-bom", V);
    private static final Component API = new Component("dev.credence", "credence-api", V);

    /** A complete bundle: parent (metadata), BOM (metadata of its own), and one jar module. */
    private void stageComplete(boolean sign) throws Exception {
        put(
                PARENT,
                ".pom",
                pom(
                        "credence-parent",
                        V,
                        "pom",
                        "<name>P</name><description>d</description>" + METADATA),
                sign);
        put(
                BOM,
                ".pom",
                pom(
                        "credence-bom",
                        V,
                        "pom",
                        "<name>B</name><description>d</description>" + METADATA),
                sign);
        put(
                API,
                ".pom",
                pom(
                        "credence-api",
                        V,
                        "jar",
                        parentRef(V) + "<name>A</name><description>d</description>"),
                sign);
        for (String s : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
            put(API, s, "jar bytes " + s, sign);
        }
    }

    private List<String> check(boolean signed) {
        return CentralBundle.problems(staging, List.of(BOM, API), signed);
    }

    private void assertOneProblem(List<String> problems, String expected) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.toString());
    }

    @Test
    @DisplayName("a complete bundle passes, signed and unsigned")
    void complete() throws Exception {
        stageComplete(true);
        assertEquals(List.of(), check(true));
        assertEquals(List.of(), check(false));
    }

    @Test
    @DisplayName("a missing javadoc jar, a wrong checksum and a missing signature are reported")
    void files() throws Exception {
        stageComplete(true);
        Files.delete(API.dir(staging).resolve(API.file("-javadoc.jar")));
        assertTrue(check(true).get(0).endsWith("missing credence-api-1.2.0-javadoc.jar"));
        stageComplete(true);
        Files.writeString(API.dir(staging).resolve(API.file(".jar.sha1")), "0000");
        assertOneProblem(check(true), "credence-api-1.2.0.jar.sha1 does not match");
        stageComplete(true);
        Files.delete(API.dir(staging).resolve(API.file("-sources.jar.asc")));
        assertOneProblem(check(true), "missing signature credence-api-1.2.0-sources.jar.asc");
        assertEquals(List.of(), check(false), "signatures are needed only when signing is on");
    }

    @Test
    @DisplayName("POM metadata: name of its own; scm, licenses and the rest own or inherited")
    void metadata() throws Exception {
        stageComplete(false);
        put(
                API,
                ".pom",
                pom("credence-api", V, "jar", parentRef(V) + "<description>d</description>"),
                false);
        assertOneProblem(check(false), "credence-api:1.2.0: the POM has no <name>");
        stageComplete(false);
        put(
                PARENT,
                ".pom",
                pom(
                        "credence-parent",
                        V,
                        "pom",
                        "<name>P</name><description>d</description>"
                                + METADATA.replaceAll("<scm>.*</scm>", "")),
                false);
        List<String> p = check(false);
        assertTrue(
                p.contains(
                        "dev.credence:credence-api:1.2.0: no <scm><url> in the POM or its parents in the bundle"),
                p.toString());
        assertTrue(
                p.stream()
                        .anyMatch(
                                s ->
                                        s.startsWith(
                                                "dev.credence:credence-parent:1.2.0: no <scm><url>")),
                p.toString());
        stageComplete(false);
        Files.delete(PARENT.dir(staging).resolve(PARENT.file(".pom")));
        p = check(false);
        assertTrue(
                p.contains(
                        "dev.credence:credence-parent:1.2.0: no POM (dev/credence/credence-parent/1.2.0/credence-parent-1.2.0.pom)"),
                p.toString());
        assertTrue(
                p.stream().anyMatch(s -> s.contains("credence-api:1.2.0: no <url>")), p.toString());
    }

    @Test
    @DisplayName("a snapshot version is refused: Central takes releases only")
    void snapshot() {
        Component snap = new Component("dev.credence", "credence-api", "1.2.0-SNAPSHOT");
        List<String> p = CentralBundle.problems(staging, List.of(snap), false);
        assertOneProblem(p, "Central takes release versions only");
    }

    @Test
    @DisplayName("main fails with every problem listed, and names the components it checked")
    void main() throws IOException {
        Path bom = staging.resolve("bom.xml");
        Files.writeString(
                bom,
                pom(
                        "credence-bom",
                        V,
                        "pom",
                        "<dependencyManagement><dependencies><dependency><groupId>dev.credence</groupId><artifactId>credence-api</artifactId><version>${project.version}</version></dependency></dependencies></dependencyManagement>"));
        assertEquals(List.of(BOM, API), CentralBundle.components(bom));
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                CentralBundle.main(
                                        new String[] {staging.toString(), bom.toString(), "true"}));
        assertTrue(e.getMessage().contains("credence-bom:1.2.0: no POM"), e.getMessage());
        assertTrue(e.getMessage().contains("credence-api:1.2.0: no POM"), e.getMessage());
    }
}
