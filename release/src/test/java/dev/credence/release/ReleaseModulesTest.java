package dev.credence.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The release module must come after every published module in the reactor, so it depends on each
 * of them; those dependencies must be exactly the BOM and the modules the BOM lists.
 */
class ReleaseModulesTest {

    @Test
    @DisplayName("the release module depends on the BOM and on every module the BOM manages")
    void dependsOnEveryPublishedModule() throws Exception {
        Set<String> published = new TreeSet<>();
        for (CentralBundle.Component c : CentralBundle.components(Path.of("../bom/pom.xml"))) {
            published.add(c.artifactId());
        }
        Set<String> ordered = new TreeSet<>();
        Matcher m =
                Pattern.compile("<artifactId>(credence-[a-z0-9-]+)</artifactId>")
                        .matcher(java.nio.file.Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            ordered.add(m.group(1));
        }
        ordered.removeAll(List.of("credence-parent", "credence-release"));
        assertEquals(published, ordered);
    }
}
