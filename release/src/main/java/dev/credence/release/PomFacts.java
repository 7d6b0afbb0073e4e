package dev.credence.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a POM file says about the elements Maven Central requires, read without Maven.
 *
 * @param groupId the group (the parent's when the POM does not repeat it)
 * @param artifactId the artifact
 * @param version the version (the parent's when the POM does not repeat it)
 * @param packaging the packaging, {@code jar} by default
 * @param parent the parent's artifactId, if the POM has a parent
 * @param name the name element
 * @param description the description element
 * @param url the url element
 * @param licenses how many licenses have both a name and a url
 * @param developers how many developers have a name or an id
 * @param scmUrl the scm url
 * @param scmConnection the scm connection
 */
record PomFacts(
        String groupId,
        String artifactId,
        String version,
        String packaging,
        Optional<String> parent,
        Optional<String> name,
        Optional<String> description,
        Optional<String> url,
        int licenses,
        int developers,
        Optional<String> scmUrl,
        Optional<String> scmConnection) {

    /**
     * Reads a POM.
     *
     * @param pom the file
     * @return its facts
     * @throws IOException if it cannot be read or is not XML
     */
    static PomFacts read(Path pom) throws IOException {
        Element project;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(pom.toFile());
            project = d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pom + " is not a readable POM: " + e.getMessage(), e);
        }
        Optional<Element> parent = child(project, "parent");
        List<Element> licenses = children(child(project, "licenses"), "license");
        List<Element> developers = children(child(project, "developers"), "developer");
        Optional<Element> scm = child(project, "scm");
        return new PomFacts(
                text(project, "groupId")
                        .or(() -> parent.flatMap(p -> text(p, "groupId")))
                        .orElse(""),
                text(project, "artifactId").orElse(""),
                text(project, "version")
                        .or(() -> parent.flatMap(p -> text(p, "version")))
                        .orElse(""),
                text(project, "packaging").orElse("jar"),
                parent.flatMap(p -> text(p, "artifactId")),
                text(project, "name"),
                text(project, "description"),
                text(project, "url"),
                (int)
                        licenses.stream()
                                .filter(l -> text(l, "name").isPresent())
                                .filter(l -> text(l, "url").isPresent())
                                .count(),
                (int)
                        developers.stream()
                                .filter(d -> text(d, "name").or(() -> text(d, "id")).isPresent())
                                .count(),
                scm.flatMap(s -> text(s, "url")),
                scm.flatMap(s -> text(s, "connection")));
    }

    private static Optional<Element> child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Optional<Element> e, String name) {
        List<Element> out = new ArrayList<>();
        if (e.isPresent()) {
            for (Node n = e.get().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && c.getTagName().equals(name)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Optional<String> text(Element e, String name) {
        return child(e, name).map(c -> c.getTextContent().trim()).filter(s -> !s.isEmpty());
    }
}
