package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credence sample eight-schools --output r && credence report r}, then the page in headless
 * Chromium (Debian's {@code chromium} package, listed in {@code .ci/apt-packages}): it loads with
 * no script error and every figure decodes to an image with a size. A copy of the page carries a
 * small checker script that writes what it found into the DOM, which {@code --dump-dom} prints.
 *
 * <p>Where Chromium is not installed the test is skipped with a message saying so; it never passes
 * without a browser having loaded the page.
 */
class ReportBrowserTest {
    private static final String CHECKER =
            "<script>window.__errors=[];"
                    + "window.addEventListener('error',e=>window.__errors.push(String(e.message)));"
                    + "window.addEventListener('load',()=>{"
                    + "const imgs=[...document.images];"
                    + "const ok=imgs.filter(i=>i.complete&&i.naturalWidth>0&&i.naturalHeight>0);"
                    + "const p=document.createElement('pre');p.id='credence-check';"
                    + "p.textContent='images='+imgs.length+' decoded='+ok.length"
                    + "+' errors='+window.__errors.length+' title='+document.title;"
                    + "document.body.appendChild(p);});</script>";

    static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("sample, then report: the page loads in headless Chromium with every figure shown")
    void reportLoadsInChromium(@TempDir Path tmp) throws Exception {
        Optional<Path> browser = chromium();
        Assumptions.assumeTrue(
                browser.isPresent(),
                "SKIPPED: Chromium is not installed (Debian: apt-get install chromium), so the"
                        + " report's browser check cannot run here");
        Path run = tmp.resolve("r");
        CliRunner cli = CliRunner.standard();
        CliRunner.Outcome s =
                cli.run(
                        "sample",
                        "eight-schools",
                        "--warmup",
                        "300",
                        "--samples",
                        "300",
                        "--output",
                        run.toString());
        assertEquals(ExitCode.OK.code(), s.code(), s.err());
        Files.delete(run.resolve("report.html"));
        CliRunner.Outcome r = cli.run("report", run.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.err());
        Path page = run.resolve("report.html");
        assertTrue(r.out().contains(page.toString()), r.out());

        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path checked = tmp.resolve("checked.html");
        Files.writeString(checked, html.replace("</body>", CHECKER + "</body>"));
        String dom = dumpDom(browser.get(), checked, tmp.resolve("profile"));
        Matcher m =
                Pattern.compile("images=(\\d+) decoded=(\\d+) errors=(\\d+) title=([^<]*)")
                        .matcher(dom);
        assertTrue(m.find(), "the checker ran in the browser; DOM:\n" + tail(dom));
        assertEquals("5", m.group(1), "trace, rank, pairs, energy, autocorrelation");
        assertEquals(m.group(1), m.group(2), "every image decoded");
        assertEquals("0", m.group(3), "no script errors");
        assertTrue(m.group(4).contains("Credence sample"), m.group(4));
    }

    private static String dumpDom(Path chromium, Path page, Path profile)
            throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                chromium.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + profile,
                                "--virtual-time-budget=5000",
                                "--dump-dom",
                                page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
    }
}
