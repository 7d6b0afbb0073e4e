package dev.credence.plot.report;

import java.util.Base64;

/** A small HTML text builder: escaped text, and images inlined as data URIs. */
final class Html {
    private final StringBuilder sb = new StringBuilder();

    /** Appends markup as given. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Html text(Object text) {
        sb.append(escape(String.valueOf(text)));
        return this;
    }

    /** Appends an element holding escaped text. */
    Html element(String tag, String cssClass, Object text) {
        sb.append('<').append(tag);
        if (cssClass != null) {
            sb.append(" class=\"").append(cssClass).append('"');
        }
        sb.append('>').append(escape(String.valueOf(text))).append("</").append(tag).append('>');
        return this;
    }

    /** Appends a figure: a PNG inlined as a data URI, with a caption. */
    Html figure(byte[] png, String caption) {
        sb.append("<figure><img alt=\"")
                .append(escape(caption))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>")
                .append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
