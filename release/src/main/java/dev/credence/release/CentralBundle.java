package dev.credence.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a staged Maven repository (the release profile's {@code target/central-staging}) against
 * what Maven Central requires of each component, before the bundle is zipped and uploaded.
 *
 * <p>The components are the BOM itself and every module it manages, plus the parent POMs they
 * inherit from. For each: a release version (Central takes no snapshots); the POM, and for a jar
 * module its jar, {@code -sources.jar} and {@code -javadoc.jar}; an {@code .md5} and a {@code
 * .sha1} beside every file, matching it; an {@code .asc} signature beside every file when signing
 * is on; and a POM with {@code name} and {@code description} of its own and {@code url}, a license
 * with name and url, a developer, and {@code scm} url and connection, of its own or inherited from
 * a parent in the bundle. These are the rules of Central's publishing requirements page.
 *
 * <pre>{@code
 * List<String> problems = CentralBundle.problems(staging, CentralBundle.components(bom), true);
 * }</pre>
 */
public final class CentralBundle {

    /**
     * One published artifact.
     *
     * @param groupId its group
     * @param artifactId its artifact
     * @param version its version
     */
    public record Component(String groupId, String artifactId, String version) {
        /** Its folder in a repository layout. */
        Path dir(Path repository) {
            return repository
                    .resolve(groupId.replace('.', '/'))
                    .resolve(artifactId)
                    .resolve(version);
        }

        /**
         * The file name of its artifact with a suffix such as {@code .pom} or {@code -sources.jar}.
         */
        String file(String suffix) {
            return artifactId + "-" + version + suffix;
        }
    }

    private CentralBundle() {}

    /**
     * Lists the components a BOM stands for: the BOM and each module it manages.
     *
     * @param bom the BOM's POM file
     * @return the components, the BOM first
     * @throws IOException if the BOM cannot be read
     */
    public static List<Component> components(Path bom) throws IOException {
        PomFacts facts = PomFacts.read(bom);
        List<Component> out = new ArrayList<>();
        out.add(new Component(facts.groupId(), facts.artifactId(), facts.version()));
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList deps =
                    f.newDocumentBuilder()
                            .parse(bom.toFile())
                            .getDocumentElement()
                            .getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element d = (Element) deps.item(i);
                String g = d.getElementsByTagName("groupId").item(0).getTextContent().trim();
                String a = d.getElementsByTagName("artifactId").item(0).getTextContent().trim();
                out.add(new Component(g, a, facts.version()));
            }
        } catch (Exception e) {
            throw new IOException("cannot read the modules of " + bom + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Checks the components in a staged repository, and the parents their POMs name.
     *
     * @param staging the repository folder
     * @param components the components that must be there
     * @param signed whether every file must have a signature
     * @return one line per problem; empty when the bundle is complete
     */
    public static List<String> problems(Path staging, List<Component> components, boolean signed) {
        List<String> problems = new ArrayList<>();
        Set<Component> todo = new LinkedHashSet<>(components);
        Set<Component> done = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Component c = todo.iterator().next();
            todo.remove(c);
            done.add(c);
            Optional<PomFacts> pom = checkComponent(staging, c, signed, problems);
            pom.flatMap(PomFacts::parent)
                    .map(p -> new Component(c.groupId(), p, c.version()))
                    .filter(p -> !done.contains(p))
                    .ifPresent(todo::add);
        }
        return problems;
    }

    private static Optional<PomFacts> checkComponent(
            Path staging, Component c, boolean signed, List<String> problems) {
        String id = c.groupId() + ":" + c.artifactId() + ":" + c.version();
        if (c.version().endsWith("-SNAPSHOT")) {
            problems.add(
                    id
                            + ": Central takes release versions only; set one with ./mvnw"
                            + " versions:set -DnewVersion=X.Y.Z");
            return Optional.empty();
        }
        Path dir = c.dir(staging);
        Path pomFile = dir.resolve(c.file(".pom"));
        if (!Files.isRegularFile(pomFile)) {
            problems.add(id + ": no POM (" + staging.relativize(pomFile) + ")");
            return Optional.empty();
        }
        PomFacts pom;
        try {
            pom = PomFacts.read(pomFile);
        } catch (IOException e) {
            problems.add(id + ": " + e.getMessage());
            return Optional.empty();
        }
        List<String> files = new ArrayList<>(List.of(c.file(".pom")));
        if (!pom.packaging().equals("pom")) {
            files.addAll(List.of(c.file(".jar"), c.file("-sources.jar"), c.file("-javadoc.jar")));
        }
        for (String f : files) {
            checkFile(dir.resolve(f), signed, id, problems);
        }
        checkMetadata(staging, c, pom, id, problems);
        return Optional.of(pom);
    }

    private static void checkFile(Path file, boolean signed, String id, List<String> problems) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(id + ": missing " + name);
            return;
        }
        for (String algorithm : List.of("MD5", "SHA-1")) {
            String ext = algorithm.equals("MD5") ? ".md5" : ".sha1";
            Path sum = file.resolveSibling(name + ext);
            if (!Files.isRegularFile(sum)) {
                problems.add(id + ": missing " + name + ext);
            } else if (!firstToken(sum).equalsIgnoreCase(digest(file, algorithm))) {
                problems.add(id + ": " + name + ext + " does not match " + name);
            }
        }
        if (signed) {
            Path asc = file.resolveSibling(name + ".asc");
            if (!Files.isRegularFile(asc)) {
                problems.add(id + ": missing signature " + name + ".asc");
            } else if (!read(asc).startsWith("-----BEGIN PGP SIGNATURE-----")) {
                problems.add(id + ": " + name + ".asc is not an armored PGP signature");
            }
        }
    }

    /** Name and description of its own; url, licenses, developers and scm, or a parent's. */
    private static void checkMetadata(
            Path staging, Component c, PomFacts pom, String id, List<String> problems) {
        if (pom.name().isEmpty()) {
            problems.add(id + ": the POM has no <name>");
        }
        if (pom.description().isEmpty()) {
            problems.add(id + ": the POM has no <description>");
        }
        List<PomFacts> chain = lineage(staging, c, pom);
        require(chain, p -> p.url().isPresent(), id, "<url>", problems);
        require(chain, p -> p.licenses() > 0, id, "<license> with name and url", problems);
        require(chain, p -> p.developers() > 0, id, "<developer> with a name or id", problems);
        require(chain, p -> p.scmUrl().isPresent(), id, "<scm><url>", problems);
        require(chain, p -> p.scmConnection().isPresent(), id, "<scm><connection>", problems);
    }

    private static void require(
            List<PomFacts> chain,
            Function<PomFacts, Boolean> has,
            String id,
            String what,
            List<String> problems) {
        if (chain.stream().noneMatch(has::apply)) {
            problems.add(id + ": no " + what + " in the POM or its parents in the bundle");
        }
    }

    /** The POM and the parents above it that the bundle holds. */
    private static List<PomFacts> lineage(Path staging, Component c, PomFacts pom) {
        List<PomFacts> chain = new ArrayList<>(List.of(pom));
        PomFacts at = pom;
        while (at.parent().isPresent() && chain.size() < 10) {
            Component parent = new Component(c.groupId(), at.parent().get(), c.version());
            Path f = parent.dir(staging).resolve(parent.file(".pom"));
            if (!Files.isRegularFile(f)) {
                break;
            }
            try {
                at = PomFacts.read(f);
            } catch (IOException e) {
                break;
            }
            chain.add(at);
        }
        return chain;
    }

    private static String firstToken(Path f) {
        String s = read(f).trim();
        int blank = s.indexOf(' ');
        return blank < 0 ? s : s.substring(0, blank);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path f, String algorithm) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a staged bundle and fails with the list of problems: {@code CentralBundle STAGING
     * BOM-POM GPG-SKIP}, the last argument being the value of {@code gpg.skip} ("true" or empty for
     * skipped signing).
     *
     * @param args the arguments
     * @throws IOException if the BOM cannot be read
     * @throws IllegalStateException listing every problem, if there are any
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CentralBundle STAGING BOM-POM GPG-SKIP");
        }
        Path staging = Path.of(args[0]);
        boolean signed = !(args[2].isBlank() || Boolean.parseBoolean(args[2]));
        List<Component> components = components(Path.of(args[1]));
        List<String> problems = problems(staging, components, signed);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "the bundle in "
                            + staging
                            + " is not ready for Maven Central:\n  "
                            + String.join("\n  ", problems));
        }
        System.out.printf(
                "central bundle: %d components complete in %s%s%n",
                components.size(), staging, signed ? ", signed" : " (unsigned: gpg.skip)");
    }
}
