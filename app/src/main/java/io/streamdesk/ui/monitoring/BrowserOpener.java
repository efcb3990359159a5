package io.streamdesk.ui.monitoring;

/** Opens a URL in the system browser (R5). Called on a background thread: it may block. */
@FunctionalInterface
public interface BrowserOpener {
    void open(String url) throws Exception;

    /** java.awt.Desktop where it can browse, else xdg-open (Linux desktops without AWT's browse support). */
    static BrowserOpener system() {
        return url -> {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
                return;
            }
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }
}
