package io.streamdesk.ui.metadata;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One WITH option of the table page: key and value, editable except the connector's row (M4). */
public final class OptionRow {
    private final StringProperty key = new SimpleStringProperty();
    private final StringProperty value = new SimpleStringProperty();
    private final boolean fixed;

    OptionRow(String key, String value, boolean fixed) {
        this.key.set(key);
        this.value.set(value);
        this.fixed = fixed;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The connector's row: shown, never edited (M4). */
    public boolean fixed() {
        return fixed;
    }
}
