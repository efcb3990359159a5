package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.editor.SqlCodeArea;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Store as secret" as a user meets it (S2): a job whose SQL has a plain JDBC password shows the hint bar; the code
 * area's context menu offers the action on the value; choosing it puts the value into the secret store and the
 * reference into the SQL; one Ctrl+Z brings the text back. With -Dstreamdesk.screenshots=DIR it also writes
 * editor-store-as-secret-menu[-dark].png (the window with the open menu drawn over it) and
 * editor-store-as-secret-done[-dark].png.
 */
@ExtendWith(ApplicationExtension.class)
class StoreAsSecretFlowTest {
    private static final String SQL = """
            -- Orders into Postgres
            CREATE TABLE orders (order_id BIGINT, amount DECIMAL(10, 2))
            WITH ('connector' = 'datagen', 'rows-per-second' = '10');

            CREATE TABLE orders_pg (order_id BIGINT, amount DECIMAL(10, 2)) WITH (
              'connector' = 'jdbc',
              'url' = 'jdbc:postgresql://db.internal:5432/shop',
              'table-name' = 'orders',
              'username' = 'flink',
              'password' = 'Pg-s3cret!'
            );

            INSERT INTO orders_pg SELECT order_id, amount FROM orders;
            """;
    private static final String SHOTS = System.getProperty("streamdesk.screenshots");
    private static final boolean DARK = Boolean.getBoolean("streamdesk.screenshots.dark");

    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        Job job = services.jobs().createSqlJob("orders-to-postgres", "/");
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
    void thePlainPasswordBecomesASecretReferenceInOneUndoableEdit(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("orders-to-postgres").tryQuery().isPresent());
        robot.doubleClickOn("orders-to-postgres");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().map(n -> !((SqlCodeArea) n).getText().isEmpty()).orElse(false));
        SqlCodeArea editor = robot.lookup("#sqlEditor").queryAs(SqlCodeArea.class);
        Label hint = robot.lookup("#secretHint").queryAs(Label.class);
        waitFor(() -> hint.isVisible() && hint.getText().contains("'password' on line 10"));

        // 1. the context menu on the value. Monocle turns no right click into a menu request (RichTextFX shows its
        // menu on that event), so the test opens the area's menu where a right click would, then clicks the item.
        int valueAt = SQL.indexOf("Pg-s3cret!") + 3;
        putCaret(robot, editor, valueAt);
        Bounds caret = editor.getCaretBounds().orElseThrow();
        ContextMenu menu = editor.getContextMenu();
        robot.interact(() -> menu.show(editor, caret.getMaxX() + 4, caret.getMaxY()));
        waitFor(menu::isShowing);
        assertThat(menu.getItems().get(0).getText()).isEqualTo("Store as secret");
        assertThat(menu.getItems().get(0).isDisable()).as("offered on the password value").isFalse();
        Node item = robot.lookup("Store as secret").match(n -> n.getStyleClass().contains("label")
                && n.getScene() != shell.scene).queryAs(Node.class);
        robot.moveTo(item);
        if (SHOTS != null) {
            WaitForAsyncUtils.waitForFxEvents();
            withMenu(robot, menu, "editor-store-as-secret-menu" + (DARK ? "-dark" : "") + ".png");
        }
        robot.clickOn(item);
        String first = awaitReference(editor, 1);
        assertThat(services.secretStore.values).containsEntry(first, "Pg-s3cret!");
        waitFor(() -> hint.getText().isEmpty());
        assertThat(robot.lookup("#secretStatus").queryAs(Label.class).getText()).contains("${secret:" + first + "}");

        // one Ctrl+Z brings the plain text back, and the hint with it
        undo(robot, editor);
        waitFor(() -> hint.getText().contains("'password' on line 10"));

        // 2. Alt+Enter on the value
        putCaret(robot, editor, valueAt);
        robot.press(KeyCode.ALT).type(KeyCode.ENTER).release(KeyCode.ALT);
        String second = awaitReference(editor, 2);
        undo(robot, editor);

        // 3. the hint bar's button; the autosave then keeps only the reference
        waitFor(() -> hint.getText().contains("'password' on line 10"));
        robot.clickOn("#storeAsSecretButton");
        String third = awaitReference(editor, 3);
        assertThat(java.util.Set.of(first, second, third)).hasSize(3);
        waitFor(() -> services.jobs().draft(services.jobs().list().get(0).id()).orElseThrow().sql()
                .contains("${secret:" + third + "}"));
        assertThat(services.jobs().draft(services.jobs().list().get(0).id()).orElseThrow().sql()).doesNotContain("Pg-s3cret!");
        if (SHOTS != null) {
            robot.interact(() -> editor.moveTo(SQL.indexOf("'password'")));
            WaitForAsyncUtils.waitForFxEvents();
            Path out = Path.of(SHOTS).resolve("editor-store-as-secret-done" + (DARK ? "-dark" : "") + ".png");
            Snapshots.write(robot, shell.scene, out);
            assertThat(out).exists();
        }
    }

    private static void putCaret(FxRobot robot, SqlCodeArea editor, int offset) {
        robot.clickOn(editor);
        robot.interact(() -> {
            editor.moveTo(offset);
            editor.requestFollowCaret();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void undo(FxRobot robot, SqlCodeArea editor) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> editor.getText().equals(SQL));
    }

    /** Waits for the {@code n}th stored secret and the editor's text with exactly that reference in the value. */
    private String awaitReference(SqlCodeArea editor, int n) throws Exception {
        waitFor(() -> services.secretStore.values.size() == n && editor.getText().contains("'password' = '${secret:"));
        String id = "sec-" + n; // InMemorySecretStore numbers its ids
        assertThat(services.secretStore.values).containsKey(id);
        assertThat(editor.getText()).isEqualTo(SQL.replace("Pg-s3cret!", "${secret:" + id + "}"));
        return id;
    }

    /**
     * The window with the open context menu drawn over it: a menu is a popup window of its own, which a scene
     * snapshot leaves out, and a screen capture under Xvfb (no compositor) paints its transparent shadow white.
     */
    private void withMenu(FxRobot robot, ContextMenu menu, String name) throws Exception {
        Path out = Path.of(SHOTS).resolve(name);
        Files.createDirectories(out.toAbsolutePath().getParent());
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> {
            javafx.stage.Window window = shell.scene.getWindow();
            BufferedImage base = toBuffered(shell.scene.snapshot(null));
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
            BufferedImage popup = toBuffered(menu.getScene().getRoot().snapshot(transparent, null));
            java.awt.Graphics2D g = base.createGraphics();
            javafx.geometry.Point2D rootOnScreen = menu.getScene().getRoot().localToScreen(
                    menu.getScene().getRoot().getLayoutBounds().getMinX(), menu.getScene().getRoot().getLayoutBounds().getMinY());
            g.drawImage(popup, (int) Math.round(rootOnScreen.getX() - window.getX() - shell.scene.getX()),
                    (int) Math.round(rootOnScreen.getY() - window.getY() - shell.scene.getY()), null);
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
