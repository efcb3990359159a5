package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.completion.CompletionItem;
import io.streamdesk.model.sql.completion.CompletionKind;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.editor.SqlCodeArea;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Completion in the SQL editor as a user meets it (E2), on the real shell over the real services: typing two letters
 * after FROM opens the popup by itself under the caret with the script's table; Enter inserts it; Ctrl+Space in a
 * WHERE lists the table's columns with their types; Down then Tab inserts the second; Esc closes without a change.
 * With -Dstreamdesk.screenshots=DIR (and -Dstreamdesk.screenshots.dark=true) it writes editor-completion[-dark].png.
 */
@ExtendWith(ApplicationExtension.class)
class CompletionFlowTest {
    private static final String SQL = """
            -- Clicks per user
            CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3))
            WITH ('connector' = 'datagen', 'rows-per-second' = '10');

            """;
    private static final String SHOTS = System.getProperty("streamdesk.screenshots");
    private static final boolean DARK = Boolean.getBoolean("streamdesk.screenshots.dark");

    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        // the metadata catalog as the catalog helper fills it: one Kafka table in the default database
        services.graph().sqlContexts().withCatalog(() -> new MetadataSnapshot(
                List.of(new MetadataDatabase("_dc", "_db")),
                List.of(new MetadataTable("_dc", "_db", "orders", "CREATE TABLE orders (...)", "kafka",
                        List.of(new MetadataColumn("order_id", "BIGINT NOT NULL"), new MetadataColumn("customer_id", "BIGINT"),
                                new MetadataColumn("amount", "DECIMAL(10, 2)"), new MetadataColumn("currency", "STRING"),
                                new MetadataColumn("order_time", "TIMESTAMP(3)")), Instant.EPOCH))));
        Job job = services.jobs().createSqlJob("clicks-per-user", "/");
        services.jobs().saveDraft(job.id(), SQL);
        shell = new ShellHarness(stage, services, DARK, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void typeCtrlSpaceEnterTabEsc(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("clicks-per-user").tryQuery().isPresent());
        robot.doubleClickOn("clicks-per-user");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().map(n -> !((SqlCodeArea) n).getText().isEmpty()).orElse(false));
        SqlCodeArea editor = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        robot.clickOn(editor);
        robot.interact(() -> editor.moveTo(editor.getLength()));

        // 1. two letters after FROM: the popup opens by itself, under the caret, the script's table first
        robot.write("SELECT * FROM cl");
        Popup popup = awaitPopup(robot);
        ListView<CompletionItem> list = list(robot);
        waitFor(() -> !list.getItems().isEmpty() && list.getItems().get(0).label().equals("clicks"));
        assertThat(list.getItems().get(0).kind()).isEqualTo(CompletionKind.TABLE);
        Bounds caret = editor.getCaretBounds().orElseThrow();
        assertThat(popup.getAnchorY()).isBetween(caret.getMaxY() - 1, caret.getMaxY() + 12);
        assertThat(popup.getAnchorX()).isBetween(caret.getMinX() - 40, caret.getMinX() + 4);
        robot.type(KeyCode.ENTER);
        waitFor(() -> !popup.isShowing());
        assertThat(editor.getText()).isEqualTo(SQL + "SELECT * FROM clicks");

        // 2. Ctrl+Space in a WHERE: the columns with their types; Down, then Tab inserts the second
        robot.write(" WHERE ");
        ctrlSpace(robot);
        awaitPopup(robot);
        waitFor(() -> list.getItems().size() > 3 && list.getItems().get(0).kind() == CompletionKind.COLUMN);
        assertThat(list.getItems().subList(0, 3)).extracting(CompletionItem::label).containsExactly("ts", "url", "user_id");
        assertThat(list.getItems().get(1).detail()).isEqualTo("STRING");
        robot.type(KeyCode.DOWN);
        waitFor(() -> list.getSelectionModel().getSelectedIndex() == 1);
        robot.type(KeyCode.TAB);
        waitFor(() -> editor.getText().endsWith("WHERE url"));
        assertThat(editor.getText()).isEqualTo(SQL + "SELECT * FROM clicks WHERE url");

        // 3. Esc closes and changes nothing
        robot.write(" = ''");
        robot.write(";\n");
        robot.write("INSERT INTO ");
        ctrlSpace(robot);
        Popup again = awaitPopup(robot);
        waitFor(() -> list.getItems().stream().anyMatch(i -> i.insertText().equals("_dc._db.orders")));
        String before = editor.getText();
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !again.isShowing());
        assertThat(editor.getText()).isEqualTo(before);

        if (SHOTS != null) {
            // the columns of a catalog table, Flink's functions and keywords, for the docs
            robot.write("sink\nSELECT  FROM _dc._db.orders");
            robot.interact(() -> editor.moveTo(editor.getLength() - " FROM _dc._db.orders".length()));
            robot.write("cu");
            ctrlSpace(robot);
            Popup shot = awaitPopup(robot);
            waitFor(() -> list.getItems().size() > 3 && list.getItems().get(0).label().equals("currency"));
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            withPopup(robot, shot, "editor-completion" + (DARK ? "-dark" : "") + ".png");
        }
    }

    private static void ctrlSpace(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    }

    private Popup awaitPopup(FxRobot robot) throws Exception {
        waitFor(() -> popupWindow() != null);
        return popupWindow();
    }

    private Popup popupWindow() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Popup p && p.isShowing() && !p.getContent().isEmpty()
                    && "completionList".equals(p.getContent().get(0).getId())) {
                return p;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private ListView<CompletionItem> list(FxRobot robot) {
        return (ListView<CompletionItem>) popupWindow().getContent().get(0);
    }

    /** The window with the popup drawn over it: a popup is a window of its own, which a scene snapshot leaves out. */
    private void withPopup(FxRobot robot, Popup popup, String name) throws Exception {
        Path out = Path.of(SHOTS).resolve(name);
        Files.createDirectories(out.toAbsolutePath().getParent());
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> {
            Window window = shell.scene.getWindow();
            BufferedImage base = toBuffered(shell.scene.snapshot(null));
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
            javafx.scene.Node root = popup.getScene().getRoot();
            BufferedImage over = toBuffered(root.snapshot(transparent, null));
            // the snapshot covers the drop shadow too: place it by the bounds that include the effect
            javafx.geometry.Point2D at = root.localToScreen(root.getBoundsInLocal().getMinX(), root.getBoundsInLocal().getMinY());
            java.awt.Graphics2D g = base.createGraphics();
            g.drawImage(over, (int) Math.round(at.getX() - window.getX() - shell.scene.getX()),
                    (int) Math.round(at.getY() - window.getY() - shell.scene.getY()), null);
            g.dispose();
            image[0] = base;
        });
        ImageIO.write(image[0], "png", out.toFile());
        assertThat(out).exists();
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        return buffered;
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
