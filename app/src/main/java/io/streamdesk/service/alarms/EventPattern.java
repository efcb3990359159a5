package io.streamdesk.service.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.service.InputRejectedException;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * AL2: an event pattern over the event's JSON, in the shape of the EventBridge patterns. Each field of the pattern
 * holds a list of matchers, any of which may match (OR); all fields must match (AND); a nested object matches a
 * nested object. Matchers: a literal (exact), {@code {"prefix": "cql-"}}, {@code {"suffix": "-prod"}},
 * {@code {"anything-but": ["INFO", ...]}}, {@code {"exists": true|false}}, {@code {"numeric": [">=", 2, "<", 5]}}.
 * Example: {@code {"kind": ["JOB_FAILED", "CHECKPOINT_FAILED"], "jobId": [{"prefix": "cql-"}]}}.
 */
public final class EventPattern {
    public static final int MAX_CHARS = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "anything-but", "exists", "numeric");
    private static final Set<String> COMPARISONS = Set.of("<", "<=", "=", ">=", ">");

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /** Parses and checks a pattern; errors name the line:column or the field. */
    public static EventPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InputRejectedException("Event pattern: empty; write a JSON object such as {\"kind\": [\"JOB_FAILED\"]}.");
        }
        if (text.length() > MAX_CHARS) {
            throw new InputRejectedException("Event pattern: at most " + MAX_CHARS + " characters.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputRejectedException("Event pattern: not valid JSON at line " + (loc == null ? "?" : loc.getLineNr())
                    + ":" + (loc == null ? "?" : loc.getColumnNr()) + " (" + e.getOriginalMessage() + ").");
        }
        if (node == null || !node.isObject()) {
            throw new InputRejectedException("Event pattern: must be a JSON object of field -> list of matchers.");
        }
        check(node, "");
        return new EventPattern(node);
    }

    private static void check(JsonNode object, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = path + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value, where + ".");
            } else if (!value.isArray() || value.isEmpty()) {
                throw new InputRejectedException("Event pattern, field '" + where + "': needs a non-empty list of matchers, e.g. [\"JOB_FAILED\"].");
            } else {
                for (JsonNode m : value) {
                    checkMatcher(m, where);
                }
            }
        }
    }

    private static void checkMatcher(JsonNode m, String where) {
        if (!m.isObject()) {
            return; // a literal
        }
        if (m.size() != 1 || !OPERATORS.contains(m.fieldNames().next())) {
            throw new InputRejectedException("Event pattern, field '" + where + "': a matcher object has one of "
                    + OPERATORS + " (got " + m + ").");
        }
        JsonNode numeric = m.get("numeric");
        if (numeric != null) {
            if (!numeric.isArray() || numeric.isEmpty() || numeric.size() % 2 != 0) {
                throw new InputRejectedException("Event pattern, field '" + where + "': numeric takes pairs, e.g. [\">=\", 2, \"<\", 5].");
            }
            for (int i = 0; i < numeric.size(); i += 2) {
                if (!COMPARISONS.contains(numeric.get(i).asText()) || !numeric.get(i + 1).isNumber()) {
                    throw new InputRejectedException("Event pattern, field '" + where + "': numeric comparison "
                            + numeric.get(i) + " " + numeric.get(i + 1) + " is not one of " + COMPARISONS + " with a number.");
                }
            }
        }
        JsonNode exists = m.get("exists");
        if (exists != null && !exists.isBoolean()) {
            throw new InputRejectedException("Event pattern, field '" + where + "': exists takes true or false.");
        }
    }

    /** Whether the event JSON matches. */
    public boolean matches(JsonNode event) {
        return matchesObject(pattern, event == null ? JSON.createObjectNode() : event);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = event.get(field.getKey());
            boolean ok;
            if (field.getValue().isObject()) {
                ok = value != null && value.isObject() && matchesObject(field.getValue(), value);
            } else {
                ok = false;
                for (JsonNode matcher : field.getValue()) {
                    if (matchesOne(matcher, value)) {
                        ok = true;
                        break;
                    }
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    private static boolean matchesOne(JsonNode matcher, JsonNode value) {
        if (!matcher.isObject()) {
            return present(value) && literalEquals(matcher, value);
        }
        String op = matcher.fieldNames().next();
        JsonNode arg = matcher.get(op);
        return switch (op) {
            case "exists" -> arg.asBoolean() == present(value);
            case "prefix" -> present(value) && value.isValueNode() && value.asText().startsWith(arg.asText());
            case "suffix" -> present(value) && value.isValueNode() && value.asText().endsWith(arg.asText());
            case "anything-but" -> present(value) && !anyEquals(arg, value);
            case "numeric" -> present(value) && value.isNumber() && numeric(arg, value.asDouble());
            default -> false;
        };
    }

    private static boolean anyEquals(JsonNode arg, JsonNode value) {
        if (arg.isArray()) {
            for (JsonNode a : arg) {
                if (literalEquals(a, value)) {
                    return true;
                }
            }
            return false;
        }
        return literalEquals(arg, value);
    }

    private static boolean literalEquals(JsonNode literal, JsonNode value) {
        if (literal.isNumber() && value.isNumber()) {
            return literal.asDouble() == value.asDouble();
        }
        return literal.isValueNode() && value.isValueNode() && literal.asText().equals(value.asText())
                && literal.isTextual() == value.isTextual();
    }

    private static boolean numeric(JsonNode pairs, double v) {
        for (int i = 0; i < pairs.size(); i += 2) {
            double bound = pairs.get(i + 1).asDouble();
            boolean ok = switch (pairs.get(i).asText()) {
                case "<" -> v < bound;
                case "<=" -> v <= bound;
                case "=" -> v == bound;
                case ">=" -> v >= bound;
                case ">" -> v > bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern.toString();
    }
}
