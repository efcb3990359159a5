package io.streamdesk.service.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.service.InputRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AL2 pattern matching over event JSON. */
class EventPatternTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event() throws Exception {
        return JSON.readTree("""
                {"kind": "JOB_FAILED", "jobId": "cql-abc12345", "folderId": "/team/prod", "clusterId": "local",
                 "workspaceId": "default", "runInstance": 3, "severity": "CRITICAL",
                 "detail": {"restarts": 2, "operator": "join"}}""");
    }

    private static boolean matches(String pattern) throws Exception {
        return EventPattern.parse(pattern).matches(event());
    }

    @Test
    void exactMatchAnyOfTheListedValues() throws Exception {
        assertThat(matches("{\"kind\": [\"JOB_FAILED\"]}")).isTrue();
        assertThat(matches("{\"kind\": [\"CHECKPOINT_FAILED\", \"JOB_FAILED\"]}")).isTrue();
        assertThat(matches("{\"kind\": [\"JOB_STARTED\"]}")).isFalse();
        assertThat(matches("{\"runInstance\": [3]}")).isTrue();
        assertThat(matches("{\"runInstance\": [\"3\"]}")).as("a string is not the number").isFalse();
    }

    @Test
    void prefixAndSuffix() throws Exception {
        assertThat(matches("{\"jobId\": [{\"prefix\": \"cql-abc\"}]}")).isTrue();
        assertThat(matches("{\"jobId\": [{\"prefix\": \"cql-x\"}]}")).isFalse();
        assertThat(matches("{\"folderId\": [{\"suffix\": \"/prod\"}]}")).isTrue();
        assertThat(matches("{\"folderId\": [{\"suffix\": \"/test\"}]}")).isFalse();
    }

    @Test
    void anythingBut() throws Exception {
        assertThat(matches("{\"severity\": [{\"anything-but\": [\"INFO\", \"WARNING\"]}]}")).isTrue();
        assertThat(matches("{\"severity\": [{\"anything-but\": \"CRITICAL\"}]}")).isFalse();
        assertThat(matches("{\"missing\": [{\"anything-but\": \"x\"}]}")).as("absent field").isFalse();
    }

    @Test
    void existsTrueAndFalse() throws Exception {
        assertThat(matches("{\"clusterId\": [{\"exists\": true}]}")).isTrue();
        assertThat(matches("{\"creator\": [{\"exists\": true}]}")).isFalse();
        assertThat(matches("{\"creator\": [{\"exists\": false}]}")).isTrue();
        assertThat(matches("{\"clusterId\": [{\"exists\": false}]}")).isFalse();
    }

    @Test
    void numericRangeBoundsJustInsideAndOutside() throws Exception {
        assertThat(matches("{\"runInstance\": [{\"numeric\": [\">=\", 3, \"<\", 5]}]}")).isTrue();
        assertThat(matches("{\"runInstance\": [{\"numeric\": [\">\", 3]}]}")).isFalse();
        assertThat(matches("{\"runInstance\": [{\"numeric\": [\"<=\", 3]}]}")).isTrue();
        assertThat(matches("{\"runInstance\": [{\"numeric\": [\"<\", 3]}]}")).isFalse();
        assertThat(matches("{\"kind\": [{\"numeric\": [\">\", 0]}]}")).as("not a number").isFalse();
    }

    @Test
    void allFieldsMustMatchAndNestedObjectsRecurse() throws Exception {
        assertThat(matches("{\"kind\": [\"JOB_FAILED\"], \"detail\": {\"operator\": [\"join\"], \"restarts\": [{\"numeric\": [\">=\", 2]}]}}")).isTrue();
        assertThat(matches("{\"kind\": [\"JOB_FAILED\"], \"detail\": {\"operator\": [\"sink\"]}}")).isFalse();
        assertThat(matches("{\"kind\": [\"JOB_FAILED\"], \"clusterId\": [\"k8s\"]}")).isFalse();
    }

    @Test
    void badPatternsAreRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> EventPattern.parse("{\"kind\": [\"JOB_FAILED\"")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("line 1:");
        assertThatThrownBy(() -> EventPattern.parse("{\"kind\": \"JOB_FAILED\"}")).hasMessageContaining("'kind'");
        assertThatThrownBy(() -> EventPattern.parse("{\"jobId\": [{\"prefx\": \"a\"}]}")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> EventPattern.parse("{\"n\": [{\"numeric\": [\"~\", 1]}]}")).hasMessageContaining("numeric");
        assertThatThrownBy(() -> EventPattern.parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> EventPattern.parse(" ")).hasMessageContaining("empty");
    }
}
